using System.Text;
using System.Text.Json;
using BetterCare.App.Auth;
using BetterCare.App.Uploads;
using BetterCare.Pipeline.Ports;
using BetterCare.Pipeline.Submissions;
using BetterCare.Pipeline.Workflow;
using BetterCare.Returns.Model;
using BetterCare.Returns.Parsing;
using BetterCare.Returns.Reading;
using BetterCare.Returns.Reference;

namespace BetterCare.App.Apis;

/// <summary>Uploading returns and following them: <c>/api/returns</c> and <c>/api/periods/{period}/returns</c>.</summary>
public static class ReturnsApi
{
    internal static async Task<IResult> UploadAsync(HttpRequest request, CallerAuthenticator auth, ReturnUploads uploads, CancellationToken ct)
    {
        if (auth.Authenticate(request) is not { } caller)
        {
            return ApiErrors.Unauthorized();
        }

        if (caller.Role is not (Role.HwbLead or Role.Admin))
        {
            return ApiErrors.Forbidden("This key cannot upload returns.");
        }

        if (request.ContentLength > uploads.MaxBytes + (64 * 1024))
        {
            return ApiErrors.Of(StatusCodes.Status413PayloadTooLarge, $"The upload is larger than the {uploads.Limit} limit for a return.");
        }

        if (!request.HasFormContentType)
        {
            return ApiErrors.Of(StatusCodes.Status400BadRequest, "Send the workbook as multipart/form-data in a field named 'file'.");
        }

        IFormFile? file;
        try
        {
            var form = await request.ReadFormAsync(ct).ConfigureAwait(false);
            file = form.Files.GetFile("file") ?? form.Files.FirstOrDefault();
        }
        catch (Exception e) when (FormFailure.IsRequestFault(e))
        {
            var failure = FormFailure.Of(e, uploads.Limit);
            return ApiErrors.Of(failure.Status, failure.Message);
        }

        if (file is null || file.Length == 0)
        {
            return ApiErrors.Of(StatusCodes.Status400BadRequest, "No workbook was sent: put it in a multipart field named 'file'.");
        }

        var (taken, problem) = await uploads.TakeAsync(caller, file, check: false, ct).ConfigureAwait(false);
        if (problem is not null)
        {
            return ApiErrors.Of(problem.Status, problem.Message.Replace("You upload returns for", "This key uploads returns for", StringComparison.Ordinal));
        }

        var submission = taken!.Submission;
        var url = $"/api/returns/{submission.Id}";
        return Results.Accepted(url, new UploadAccepted(submission.Id, submission.Status.ToString(), url));
    }

    internal static async Task<IResult> GetAsync(
        string submissionId, HttpRequest request, CallerAuthenticator auth, IReturnTables tables, IReturnBlobs blobs, ReferenceData reference, CancellationToken ct)
    {
        if (auth.Authenticate(request) is not { } caller)
        {
            return ApiErrors.Unauthorized();
        }

        var submission = SubmissionId.IsWellFormed(submissionId) ? await tables.GetSubmissionAsync(submissionId, ct).ConfigureAwait(false) : null;
        if (submission is null || !CanSee(caller, submission, reference))
        {
            return ApiErrors.NotFound($"Submission '{submissionId}'");
        }

        var history = await tables.GetHistoryAsync(submission.Id, ct).ConfigureAwait(false);
        JsonElement? findings = null;
        var json = submission.FindingsJson ??
            (submission.ReportPath is { } path ? await blobs.ReadReportAsync(path, ct).ConfigureAwait(false) : null);
        if (json is not null)
        {
            using var document = JsonDocument.Parse(json);
            findings = document.RootElement.GetProperty("findings").Clone();
        }

        return Results.Ok(SubmissionView.From(submission, history, findings));
    }

    internal static async Task<IResult> RetryAsync(string submissionId, HttpRequest request, CallerAuthenticator auth, SubmissionWorkflow workflow, CancellationToken ct)
    {
        if (auth.Authenticate(request) is not { } caller)
        {
            return ApiErrors.Unauthorized();
        }

        if (caller.Role != Role.Admin)
        {
            return ApiErrors.Forbidden("Only an administrator can retry a submission.");
        }

        var outcome = SubmissionId.IsWellFormed(submissionId) ? await workflow.RetryAsync(submissionId, ct).ConfigureAwait(false) : null;
        if (outcome is not { } found)
        {
            return ApiErrors.NotFound($"Submission '{submissionId}'");
        }

        var url = $"/api/returns/{found.Submission.Id}";
        return (found.Retried, found.Submission.Status) switch
        {
            (true, _) => Results.Accepted(url, new UploadAccepted(found.Submission.Id, found.Submission.Status.ToString(), url)),
            (false, SubmissionStatus.Failed) => ApiErrors.Of(StatusCodes.Status409Conflict,
                $"Submission {submissionId} has just failed and its workflow is still finishing; retry it in a few seconds."),
            _ => ApiErrors.Of(StatusCodes.Status409Conflict, $"Submission {submissionId} is {found.Submission.Status}, not Failed; there is nothing to retry."),
        };
    }

    internal static async Task<IResult> ListPeriodAsync(string period, HttpRequest request, CallerAuthenticator auth, IReturnTables tables, CancellationToken ct)
    {
        if (auth.Authenticate(request) is not { } caller)
        {
            return ApiErrors.Unauthorized();
        }

        if (!ReturnPeriod.TryParse(period, out var parsed))
        {
            return ApiErrors.BadPeriod(period);
        }

        var region = caller.Role == Role.RegionalManager ? caller.Scope : null;
        var rows = await tables.ListPeriodAsync(parsed.ToString(), region, ct).ConfigureAwait(false);
        return Results.Ok(rows.Where(r => caller.CanSee(r.HwbCode, r.Region)).OrderBy(r => r.HwbCode, StringComparer.Ordinal).Select(PeriodReturnView.From).ToList());
    }

    private static bool CanSee(Caller caller, Submission s, ReferenceData reference) =>
        caller.CanSee(s.HwbCode, reference.Area(s.HwbCode)?.Region) || s.Uploader == caller.Name;
}
