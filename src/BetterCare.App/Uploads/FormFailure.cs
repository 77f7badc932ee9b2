namespace BetterCare.App.Uploads;

/// <summary>
/// Why an upload's form could not be read, as its status and words: too large (413) only when a
/// size limit was what stopped it; too slow (408) when the body came slower than the server's
/// minimum rate; otherwise a malformed or cut-off body (400).
/// </summary>
public static class FormFailure
{
    /// <summary>Whether reading a form can fail with this for the request's own sake (not the server's).</summary>
    public static bool IsRequestFault(Exception e) => e is InvalidDataException or BadHttpRequestException or IOException;

    public static UploadProblem Of(Exception e, string limit)
    {
        ArgumentNullException.ThrowIfNull(e);
        return e switch
        {
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } =>
                new(StatusCodes.Status413PayloadTooLarge, $"The upload is larger than the {limit} limit for a return."),
            BadHttpRequestException { StatusCode: StatusCodes.Status408RequestTimeout } =>
                new(StatusCodes.Status408RequestTimeout, "The upload came too slowly and was stopped; try again on a better connection."),
            InvalidDataException i when i.Message.Contains("limit", StringComparison.OrdinalIgnoreCase) =>
                new(StatusCodes.Status413PayloadTooLarge, $"The upload is larger than the {limit} limit for a return."),
            _ => new(StatusCodes.Status400BadRequest, "The upload was not a whole, well-formed form: send the workbook again, as multipart/form-data in a field named 'file'."),
        };
    }
}
