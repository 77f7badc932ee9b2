using BetterCare.App.Auth;
using BetterCare.App.Pages.Shared;
using BetterCare.App.Pages.SignIn;
using BetterCare.App.Rollups;
using BetterCare.Pipeline.Ports;
using BetterCare.Pipeline.SignOff;
using BetterCare.Pipeline.Submissions;
using BetterCare.Pipeline.Workflow;
using BetterCare.Returns.Model;
using BetterCare.Returns.Reference;
using Microsoft.AspNetCore.Antiforgery;

namespace BetterCare.App.Pages.Admin;

/// <summary>
/// The administrator's pages: <c>GET /admin</c> lists failed submissions (each with its reason and
/// a retry button), offers a roll-up now, and shows the reference data in use;
/// <c>POST /admin/retry/{id}</c> retries one and goes to its page; <c>POST /admin/rollup</c> runs a
/// period's roll-up and shows what it wrote. Every post needs its anti-forgery token.
/// </summary>
public static class AdminPages
{
    /// <summary>The most failed submissions the page lists.</summary>
    public const int MaxFailed = 200;

    internal static async Task<IResult> ShowAsync(
        HttpRequest request, CallerAuthenticator auth, SessionCookie session, IReturnTables tables, ReferenceData reference, SignOffCalendar calendar, CancellationToken ct)
    {
        var (caller, refusal) = RequireAdmin(request, auth, session);
        if (caller is null)
        {
            return refusal!;
        }

        var failed = await tables.ListFailedAsync(MaxFailed, ct).ConfigureAwait(false);
        Func<DateTimeOffset, string> when = calendar.Describe;
        return Page.Of<AdminPage>(caller, new { Failed = failed, Reference = reference, Periods = (IReadOnlyList<string>)[.. calendar.Deadlines.Keys.OrderDescending(StringComparer.Ordinal)], Deadlines = calendar.Deadlines, When = when });
    }

    internal static async Task<IResult> RetryAsync(
        string submissionId, HttpContext context, CallerAuthenticator auth, SessionCookie session, SubmissionWorkflow workflow, IAntiforgery antiforgery, CancellationToken ct)
    {
        var (caller, refusal) = RequireAdmin(context.Request, auth, session);
        if (caller is null)
        {
            return refusal!;
        }

        if (!context.Request.HasFormContentType || !await antiforgery.IsRequestValidAsync(context).ConfigureAwait(false))
        {
            return Page.Of<Refused>(caller, null, StatusCodes.Status400BadRequest);
        }

        var outcome = SubmissionId.IsWellFormed(submissionId) ? await workflow.RetryAsync(submissionId, ct).ConfigureAwait(false) : null;
        return outcome switch
        {
            null => Page.Of<NotFound>(caller, new { What = $"There is no submission {submissionId}." }, StatusCodes.Status404NotFound),
            { Retried: true } => Results.Redirect($"/submissions/{submissionId}"),
            { Submission.Status: SubmissionStatus.Failed } => Page.Of<MessagePage>(caller, new
            {
                Title = "Not retried yet",
                Paragraphs = (IReadOnlyList<string>)[$"Submission {submissionId} has only just failed and its workflow is still finishing. Go back and retry it in a few seconds."],
            }, StatusCodes.Status409Conflict),
            { Submission: var s } => Page.Of<MessagePage>(caller, new
            {
                Title = "Nothing to retry",
                Paragraphs = (IReadOnlyList<string>)[$"Submission {submissionId} is {s.Status}, not failed: someone may have retried it already."],
            }, StatusCodes.Status409Conflict),
        };
    }

    internal static async Task<IResult> RollupAsync(
        HttpContext context, CallerAuthenticator auth, SessionCookie session, RollupService rollups, IAntiforgery antiforgery, CancellationToken ct)
    {
        var (caller, refusal) = RequireAdmin(context.Request, auth, session);
        if (caller is null)
        {
            return refusal!;
        }

        if (!context.Request.HasFormContentType || !await antiforgery.IsRequestValidAsync(context).ConfigureAwait(false))
        {
            return Page.Of<Refused>(caller, null, StatusCodes.Status400BadRequest);
        }

        var form = await context.Request.ReadFormAsync(ct).ConfigureAwait(false);
        if (!ReturnPeriod.TryParse(form["period"], out var period))
        {
            return Page.Of<MessagePage>(caller, new { Title = "Choose a period", Paragraphs = (IReadOnlyList<string>)["Choose the period to roll up, such as 2017-18 quarter 2."] }, StatusCodes.Status400BadRequest);
        }

        var outcome = await rollups.RunAsync(period, ct).ConfigureAwait(false);
        return Page.Of<RollupDonePage>(caller, new { Outcome = outcome });
    }

    private static (Caller? Caller, IResult? Refusal) RequireAdmin(HttpRequest request, CallerAuthenticator auth, SessionCookie session)
    {
        var (caller, signIn) = SignInPages.Require(request, auth, session);
        if (caller is null)
        {
            return (null, signIn);
        }

        return caller.Role == Role.Admin
            ? (caller, null)
            : (null, Page.Of<MessagePage>(caller, new { Title = "For administrators only", Paragraphs = (IReadOnlyList<string>)["This page is for the service's administrators. Your returns are on your home page."] }, StatusCodes.Status403Forbidden));
    }
}
