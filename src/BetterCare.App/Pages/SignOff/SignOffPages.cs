using BetterCare.App.Auth;
using BetterCare.App.Pages.Shared;
using BetterCare.App.Pages.SignIn;
using BetterCare.Pipeline.Ports;
using BetterCare.Pipeline.SignOff;
using BetterCare.Pipeline.Submissions;
using BetterCare.Returns.Reference;
using Microsoft.AspNetCore.Antiforgery;

namespace BetterCare.App.Pages.SignOff;

/// <summary>
/// The signatories' pages, reached from the link in their email (the link is their key: no sign-in):
/// <c>GET /sign-off/{token}</c> shows the return and the declaration, <c>POST</c> signs it off or
/// declines it (with the page's anti-forgery token), <c>GET /sign-off/{token}/record</c> prints
/// what was signed. <c>GET /submissions/{id}/record</c> prints the same for those signed in who
/// may see the board. A bad link changes nothing and says why in words.
/// </summary>
public static class SignOffPages
{
    internal static async Task<IResult> ShowAsync(string token, SignOffService signOff, SignOffCalendar calendar, IReturnBlobs blobs, CancellationToken ct)
    {
        var link = await signOff.OpenAsync(token, toDecide: true, ct).ConfigureAwait(false);
        return link.Problem is { } problem ? Problem(problem) : await FormAsync(link, token, calendar, blobs, null, StatusCodes.Status200OK, ct).ConfigureAwait(false);
    }

    internal static async Task<IResult> DecideAsync(
        string token, HttpContext context, SignOffService signOff, SignOffCalendar calendar, IReturnBlobs blobs, IAntiforgery antiforgery, CancellationToken ct)
    {
        // A link that no longer works says so whatever was posted; then the form must be this service's own.
        var link = await signOff.OpenAsync(token, toDecide: true, ct).ConfigureAwait(false);
        if (link.Problem is { } linkProblem)
        {
            return Problem(linkProblem);
        }

        if (!context.Request.HasFormContentType || !await antiforgery.IsRequestValidAsync(context).ConfigureAwait(false))
        {
            return Page.Of<Refused>(null, null, StatusCodes.Status400BadRequest);
        }

        var form = await context.Request.ReadFormAsync(ct).ConfigureAwait(false);
        var decision = form["decision"].ToString();
        if (decision is not ("approve" or "decline"))
        {
            return await FormAsync(link, token, calendar, blobs, ("decision", "Choose whether to sign off the return or decline it."), StatusCodes.Status400BadRequest, ct).ConfigureAwait(false);
        }

        var outcome = await signOff.DecideAsync(token, decision == "approve", form["confirm"].ToString() == "yes", form["comment"].ToString(), ct).ConfigureAwait(false);
        if (outcome.Link.Problem is { } problem)
        {
            return Problem(problem);
        }

        if (outcome.FormProblem is { } formProblem)
        {
            var field = decision == "approve" ? "confirm" : "comment";
            return await FormAsync(outcome.Link, token, calendar, blobs, (field, formProblem), StatusCodes.Status400BadRequest, ct).ConfigureAwait(false);
        }

        var row = outcome.Link.Signature!;
        return Page.Of<DecidedPage>(null, new
        {
            Submission = outcome.Link.Submission!,
            Signature = row,
            Signatures = outcome.Link.Signatures,
            When = row.DecidedAt is { } at ? calendar.Describe(at) : string.Empty,
            RecordHref = $"/sign-off/{token}/record",
        });
    }

    internal static async Task<IResult> LinkRecordAsync(string token, SignOffService signOff, SignOffCalendar calendar, CancellationToken ct)
    {
        var link = await signOff.OpenAsync(token, toDecide: false, ct).ConfigureAwait(false);
        return link.Problem is { } problem ? Problem(problem) : Record(null, link.Submission!, link.Signatures, calendar);
    }

    internal static async Task<IResult> SubmissionRecordAsync(
        string submissionId, HttpRequest request, CallerAuthenticator auth, SessionCookie session, IReturnTables tables, ISignOffStore store, ReferenceData reference, SignOffCalendar calendar, CancellationToken ct)
    {
        var (caller, signIn) = SignInPages.Require(request, auth, session);
        if (caller is null)
        {
            return signIn!;
        }

        var s = await Submissions.SubmissionPages.FindAsync(submissionId, caller, tables, reference, ct).ConfigureAwait(false);
        if (s is null)
        {
            return Submissions.SubmissionPages.NotFound(caller);
        }

        return Record(caller, s, await store.GetSignaturesAsync(s.Id, ct).ConfigureAwait(false), calendar);
    }

    private static IResult Record(Caller? caller, Submission s, IReadOnlyList<SignatureRecord> signatures, SignOffCalendar calendar)
    {
        Func<DateTimeOffset, string> when = calendar.Describe;
        return Page.Of<RecordPage>(caller, new { Submission = s, Signatures = signatures, When = when });
    }

    private static async Task<IResult> FormAsync(SignOffLink link, string token, SignOffCalendar calendar, IReturnBlobs blobs, (string Field, string Message)? problem, int status, CancellationToken ct)
    {
        var s = link.Submission!;
        var json = s.FindingsJson ?? (s.ReportPath is { } path ? await blobs.ReadReportAsync(path, ct).ConfigureAwait(false) : null);
        var findings = FindingLine.FromReport(json).Where(f => !string.Equals(f.Severity, "info", StringComparison.OrdinalIgnoreCase)).ToList();
        return Page.Of<SignOffPage>(null, new
        {
            Link = link,
            Token = token,
            Findings = (IReadOnlyList<FindingLine>)findings,
            Deadline = calendar.DeadlineOf(s.Period) is { } d ? calendar.Describe(d) : null,
            LinkExpires = calendar.Describe(link.Signature!.TokenExpiresAt),
            Errors = problem is { } p ? (IReadOnlyList<(string, string)>)[p] : [],
        }, status);
    }

    private static IResult Problem(LinkProblem problem)
    {
        var (status, title, text) = problem switch
        {
            LinkProblem.Expired => (StatusCodes.Status410Gone, "This link has expired", "This sign-off link has expired. Ask the return's uploader to have the request sent again."),
            LinkProblem.Used => (StatusCodes.Status410Gone, "This link has been used", "This sign-off link has already been used: your decision is recorded. Each link works once."),
            LinkProblem.Superseded => (StatusCodes.Status410Gone, "This return has been replaced", "A later return for the same board and period has replaced this one. Use the link in the newer email."),
            LinkProblem.Closed => (StatusCodes.Status409Conflict, "This return no longer waits for sign-off", "This return is signed off already, or a signatory has declined it and a corrected return is awaited."),
            _ => (StatusCodes.Status404NotFound, "This link is not valid", "This sign-off link is not valid. Check that the whole link was copied from the email."),
        };
        return Page.Of<MessagePage>(null, new { Title = title, Paragraphs = (IReadOnlyList<string>)[text] }, status);
    }
}
