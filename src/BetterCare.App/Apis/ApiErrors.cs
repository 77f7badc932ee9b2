namespace BetterCare.App.Apis;

/// <summary>Every error the API returns is JSON: <c>{"error": "..."}</c> with a fitting status code.</summary>
public static class ApiErrors
{
    public static IResult Of(int status, string message) => Results.Json(new ErrorBody(message), statusCode: status);

    public static IResult Unauthorized() =>
        Of(StatusCodes.Status401Unauthorized, $"An API key is required: send it in the {Auth.CallerAuthenticator.Header} header.");

    public static IResult Forbidden(string message) => Of(StatusCodes.Status403Forbidden, message);

    public static IResult BadPeriod(string period) =>
        Of(StatusCodes.Status400BadRequest, $"'{period}' is not a period such as 2017-18-Q2.");

    public static IResult NotFound(string what) => Of(StatusCodes.Status404NotFound, $"{what} was not found.");

    public sealed record ErrorBody(string Error);
}
