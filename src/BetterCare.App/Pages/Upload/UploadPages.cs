using BetterCare.App.Auth;
using BetterCare.App.Pages.Shared;
using BetterCare.App.Pages.SignIn;
using BetterCare.App.Uploads;
using Microsoft.AspNetCore.Antiforgery;

namespace BetterCare.App.Pages.Upload;

/// <summary>
/// <c>GET /upload</c>: the form. <c>POST /upload</c>: the workbook is checked in the request (it
/// takes milliseconds) and its report shown at once, while its workflow (archive, totals, sign-off)
/// goes on from the inbox exactly as for an upload through the API.
/// </summary>
public static class UploadPages
{
    internal static IResult Show(HttpRequest request, CallerAuthenticator auth, SessionCookie session, ReturnUploads uploads)
    {
        var (caller, signIn) = SignInPages.Require(request, auth, session);
        return caller is null ? signIn! : Page.Of<UploadPage>(caller, new { uploads.Limit });
    }

    internal static async Task<IResult> UploadAsync(HttpContext context, CallerAuthenticator auth, SessionCookie session, IAntiforgery antiforgery, ReturnUploads uploads)
    {
        var (caller, signIn) = SignInPages.Require(context.Request, auth, session);
        if (caller is null)
        {
            return signIn!;
        }

        if (context.Request.ContentLength > uploads.MaxBytes + (64 * 1024))
        {
            return Problem(caller, uploads, StatusCodes.Status413PayloadTooLarge, $"The file is larger than the {uploads.Limit} limit for a return.");
        }

        IFormFile? file;
        try
        {
            if (!context.Request.HasFormContentType || !await antiforgery.IsRequestValidAsync(context).ConfigureAwait(false))
            {
                return Page.Of<Refused>(caller, null, StatusCodes.Status400BadRequest);
            }

            var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
            file = form.Files.GetFile("file");
        }
        catch (Exception e) when (FormFailure.IsRequestFault(e))
        {
            var failure = FormFailure.Of(e, uploads.Limit);
            return Problem(caller, uploads, failure.Status, failure.Message.Replace("The upload", "The file", StringComparison.Ordinal));
        }

        var (taken, problem) = await uploads.TakeAsync(caller, file, check: true, context.RequestAborted).ConfigureAwait(false);
        if (problem is not null)
        {
            return Problem(caller, uploads, problem.Status, problem.Message);
        }

        return Page.Of<ReportPage>(caller, new { taken!.Checked.Report, taken.Submission.FileName, SubmissionId = taken.Submission.Id });
    }

    private static IResult Problem(Caller caller, ReturnUploads uploads, int status, string message) =>
        Page.Of<UploadPage>(caller, new { uploads.Limit, Errors = (IReadOnlyList<(string, string)>)[("file", message)] }, status);
}
