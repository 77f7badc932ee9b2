using System.Text;
using System.Text.Json;
using BetterCare.App.Auth;
using BetterCare.App.Triggers;
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
    internal static async Task<IResult> UploadAsync(
        HttpRequest request, CallerAuthenticator auth, SubmissionWorkflow workflow, InboxTrigger inbox, IReturnBlobs blobs,
        PipelineOptions options, TimeProvider clock, CancellationToken ct)
    {
        if (auth.Authenticate(request) is not { } caller)
        {
            return ApiErrors.Unauthorized();
        }

        if (caller.Role is not (Role.HwbLead or Role.Admin))
        {
            return ApiErrors.Forbidden("This key cannot upload returns.");
        }

        var limit = SizeText(options.MaxUploadBytes);
        if (request.ContentLength > options.MaxUploadBytes + (64 * 1024))
        {
            return ApiErrors.Of(StatusCodes.Status413PayloadTooLarge, $"The upload is larger than the {limit} limit for a return.");
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
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException or IOException)
        {
            return ApiErrors.Of(StatusCodes.Status413PayloadTooLarge, $"The upload could not be read whole; it may be larger than the {limit} limit for a return.");
        }

        if (file is null || file.Length == 0)
        {
            return ApiErrors.Of(StatusCodes.Status400BadRequest, "No workbook was sent: put it in a multipart field named 'file'.");
        }

        if (file.Length > options.MaxUploadBytes)
        {
            return ApiErrors.Of(StatusCodes.Status413PayloadTooLarge, $"'{file.FileName}' is larger than the {limit} limit for a return.");
        }

        var content = new byte[file.Length];
        await using (var stream = file.OpenReadStream())
        {
            await stream.ReadExactlyAsync(content, ct).ConfigureAwait(false);
        }

        var fileName = SafeFileName(file.FileName);
        var read = new WorkbookReader().Read(new MemoryStream(content, writable: false), fileName);
        if (read.Workbook is null)
        {
            return ApiErrors.Of(StatusCodes.Status422UnprocessableEntity, $"'{fileName}' cannot be read as a workbook: {read.Problem}.");
        }

        var hwb = ReturnParser.Parse(read.Workbook).Cover?.HwbCode;
        if (!HwbCode.IsValid(hwb) && caller.Role != Role.Admin)
        {
            return ApiErrors.Of(StatusCodes.Status422UnprocessableEntity, $"'{fileName}' gives no valid HWB code on its Cover, so it cannot be filed for {caller.Scope}.");
        }

        if (HwbCode.IsValid(hwb) && !caller.CanUploadFor(hwb!))
        {
            return ApiErrors.Forbidden($"This key uploads returns for {caller.Scope}; '{fileName}' is a return for {hwb}.");
        }

        // A plain name directly in the inbox (the only kind the inbox trigger reads); the file's own name travels with the submission.
        var extension = Path.GetExtension(fileName).ToLowerInvariant() is ".xls" ? ".xls" : ".xlsx";
        var blobName = $"{(HwbCode.IsValid(hwb) ? hwb : "unidentified")}-{clock.GetUtcNow():yyyyMMdd'T'HHmmssfff}-{Guid.NewGuid():N}{extension}";
        using var activity = PipelineTracing.StartUpload();
        // The watcher leaves it to this request; and who uploaded it goes with the blob, for a watcher
        // elsewhere (another instance) that sees it before this request starts its workflow.
        inbox.Starting(blobName);
        var etag = await blobs.PutInboxAsync(blobName, content, new InboxUpload(caller.Name, fileName), ct).ConfigureAwait(false);
        var submission = await workflow.StartAsync(blobName, etag, fileName, caller.Name, ct).ConfigureAwait(false);

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

    /// <summary>A size as a person reads it: a limit below 1 MB must not read as "0 MB".</summary>
    private static string SizeText(long bytes) => bytes switch
    {
        >= 1024 * 1024 when bytes % (1024 * 1024) == 0 => $"{bytes / (1024 * 1024)} MB",
        >= 1024 when bytes % 1024 == 0 => $"{bytes / 1024} KB",
        _ => $"{bytes:N0}-byte",
    };

    private static string SafeFileName(string? name)
    {
        var raw = Path.GetFileName(name ?? string.Empty);
        var sb = new StringBuilder(raw.Length);
        foreach (var c in raw)
        {
            sb.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '-');
        }

        var safe = sb.ToString().Trim('.', '-');
        if (safe.Length > 100)
        {
            safe = safe[^100..];
        }

        return safe.Length == 0 ? "return.xlsx" : safe;
    }
}
