using System.Text;
using BetterCare.App.Auth;
using BetterCare.App.Triggers;
using BetterCare.Pipeline.Ports;
using BetterCare.Pipeline.Submissions;
using BetterCare.Pipeline.Workflow;
using BetterCare.Returns.Model;
using BetterCare.Returns.Parsing;
using BetterCare.Returns.Reading;
using BetterCare.Returns.Validation;

namespace BetterCare.App.Uploads;

/// <summary>An upload refused before it reached the workflow: the status to answer with and why, in words for the uploader.</summary>
public sealed record UploadProblem(int Status, string Message);

/// <summary>An upload taken in: its submission (its workflow started) and the report on it, checked in the request.</summary>
public sealed record UploadTaken(Submission Submission, CheckedReturn Checked);

/// <summary>
/// What the API's <c>POST /api/returns</c> and the upload page share: who may upload which
/// board's return, the size limit, a workbook that cannot be read, and handing the file to the
/// workflow (a plain name in the inbox, the workflow started from it). The page also shows the
/// report at once, so the file is checked here in the request as well as by the workflow.
/// </summary>
public sealed class ReturnUploads(SubmissionWorkflow workflow, InboxTrigger inbox, IReturnBlobs blobs, ReturnValidator validator, PipelineOptions options, ReadGate reads, TimeProvider clock)
{
    public long MaxBytes => options.MaxUploadBytes;

    /// <summary>The size limit as a person reads it ("20 MB").</summary>
    public string Limit => SizeText(options.MaxUploadBytes);

    public async Task<(UploadTaken? Taken, UploadProblem? Problem)> TakeAsync(Caller caller, IFormFile? file, bool check, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (caller.Role is not (Role.HwbLead or Role.Admin))
        {
            return (null, new(StatusCodes.Status403Forbidden, "You cannot upload returns: only a board's lead (or an administrator) can."));
        }

        if (file is null || file.Length == 0)
        {
            return (null, new(StatusCodes.Status400BadRequest, "Choose the workbook to upload."));
        }

        if (file.Length > options.MaxUploadBytes)
        {
            return (null, new(StatusCodes.Status413PayloadTooLarge, $"'{SafeFileName(file.FileName)}' is larger than the {Limit} limit for a return."));
        }

        // A workbook in memory holds one of the process's read slots (ReadGate) until it is stored.
        using var slot = await reads.EnterAsync(ct).ConfigureAwait(false);
        var content = new byte[file.Length];
        await using (var stream = file.OpenReadStream())
        {
            await stream.ReadExactlyAsync(content, ct).ConfigureAwait(false);
        }

        var fileName = SafeFileName(file.FileName);
        // The API only needs the Cover, to see whose return it is; the page reads it whole, for its report.
        var read = slot.Read(() => check ? new WorkbookReader().Read(new MemoryStream(content, writable: false), fileName) : new WorkbookReader().ReadCover(new MemoryStream(content, writable: false), fileName));
        if (read.Workbook is null)
        {
            return (null, new(StatusCodes.Status422UnprocessableEntity, $"'{fileName}' cannot be read as a workbook: {read.Problem}."));
        }

        var hwb = ReturnParser.Parse(read.Workbook).Cover?.HwbCode;
        if (!HwbCode.IsValid(hwb) && caller.Role != Role.Admin)
        {
            return (null, new(StatusCodes.Status422UnprocessableEntity, $"'{fileName}' gives no valid HWB code on its Cover, so it cannot be filed for {caller.Scope}."));
        }

        if (HwbCode.IsValid(hwb) && !caller.CanUploadFor(hwb!))
        {
            return (null, new(StatusCodes.Status403Forbidden, $"You upload returns for {caller.Scope}; '{fileName}' is a return for {hwb}."));
        }

        var checkedReturn = check ? slot.Read(() => validator.Check(read, fileName)) : null;

        // A plain name directly in the inbox (the only kind the inbox trigger reads); the file's own name travels with the submission.
        var extension = FileSniffer.ExtensionOf(content);
        var blobName = $"{(HwbCode.IsValid(hwb) ? hwb : "unidentified")}-{clock.GetUtcNow():yyyyMMdd'T'HHmmssfff}-{Guid.NewGuid():N}{extension}";
        using var activity = PipelineTracing.StartUpload();

        // The watcher leaves it to this request; and who uploaded it goes with the blob, for a watcher
        // elsewhere (another instance) that sees it before this request starts its workflow.
        inbox.Starting(blobName);
        var etag = await blobs.PutInboxAsync(blobName, content, new InboxUpload(caller.Name, fileName), ct).ConfigureAwait(false);
        var submission = await workflow.StartAsync(blobName, etag, fileName, caller.Name, ct).ConfigureAwait(false);
        return (new UploadTaken(submission, checkedReturn!), null);
    }

    /// <summary>A size as a person reads it: a limit below 1 MB must not read as "0 MB".</summary>
    public static string SizeText(long bytes) => bytes switch
    {
        >= 1024 * 1024 when bytes % (1024 * 1024) == 0 => $"{bytes / (1024 * 1024)} MB",
        >= 1024 when bytes % 1024 == 0 => $"{bytes / 1024} KB",
        _ => $"{bytes:N0}-byte",
    };

    public static string SafeFileName(string? name)
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
