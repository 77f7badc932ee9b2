using BetterCare.App.Auth;
using BetterCare.App.Pages.Shared;
using BetterCare.App.Pages.SignIn;
using BetterCare.Pipeline.Ports;
using BetterCare.Pipeline.SignOff;
using BetterCare.Pipeline.Submissions;
using BetterCare.Returns.Reference;

namespace BetterCare.App.Pages.Submissions;

/// <summary>
/// <c>GET /submissions/{id}</c>: a submission's page; <c>GET /submissions/{id}/file</c>: the
/// workbook as archived. Only for those who may see the board (or who uploaded it); anyone else
/// is told there is no such page, as for an id that does not exist.
/// </summary>
public static class SubmissionPages
{
    internal static async Task<IResult> ShowAsync(
        string submissionId, HttpRequest request, CallerAuthenticator auth, SessionCookie session, IReturnTables tables, ISignOffStore store,
        ReferenceData reference, SignOffCalendar calendar, CancellationToken ct)
    {
        var (caller, signIn) = SignInPages.Require(request, auth, session);
        if (caller is null)
        {
            return signIn!;
        }

        var submission = await FindAsync(submissionId, caller, tables, reference, ct).ConfigureAwait(false);
        if (submission is null)
        {
            return NotFound(caller);
        }

        var history = await tables.GetHistoryAsync(submission.Id, ct).ConfigureAwait(false);
        var signatures = submission.Step == WorkflowStep.Done ? await store.GetSignaturesAsync(submission.Id, ct).ConfigureAwait(false) : [];
        Func<DateTimeOffset, string> when = calendar.Describe;
        return Page.Of<SubmissionPage>(caller, new { Submission = submission, History = history, Signatures = signatures, When = when });
    }

    internal static async Task<IResult> FileAsync(
        string submissionId, HttpRequest request, CallerAuthenticator auth, SessionCookie session, IReturnTables tables, IReturnBlobs blobs, ReferenceData reference, CancellationToken ct)
    {
        var (caller, signIn) = SignInPages.Require(request, auth, session);
        if (caller is null)
        {
            return signIn!;
        }

        var submission = await FindAsync(submissionId, caller, tables, reference, ct).ConfigureAwait(false);
        var content = submission?.ArchivePath is { } path ? await blobs.ReadArchiveAsync(path, ct).ConfigureAwait(false) : null;
        if (submission is null || content is null)
        {
            return NotFound(caller);
        }

        var type = submission.FileName.EndsWith(".xls", StringComparison.OrdinalIgnoreCase) ? "application/vnd.ms-excel" : Templates.TemplatePages.ContentType;
        return Results.File(content, type, submission.FileName);
    }

    /// <summary>The submission, when this caller may see it (its board is theirs, or they uploaded it); else null, as for one that does not exist.</summary>
    internal static async Task<Submission?> FindAsync(string id, Caller caller, IReturnTables tables, ReferenceData reference, CancellationToken ct)
    {
        var submission = SubmissionId.IsWellFormed(id) ? await tables.GetSubmissionAsync(id, ct).ConfigureAwait(false) : null;
        return submission is not null && (caller.CanSee(submission.HwbCode, reference.Area(submission.HwbCode)?.Region) || submission.Uploader == caller.Name)
            ? submission
            : null;
    }

    internal static IResult NotFound(Caller caller) =>
        Page.Of<NotFound>(caller, new { What = "There is no return at this address that you can see. Check the link, or find the return from your returns." }, StatusCodes.Status404NotFound);
}
