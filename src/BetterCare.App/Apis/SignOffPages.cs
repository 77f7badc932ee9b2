using System.Globalization;
using System.Text;
using BetterCare.App.Auth;
using BetterCare.Pipeline.Ports;
using BetterCare.Pipeline.SignOff;
using BetterCare.Pipeline.Submissions;
using BetterCare.Returns.Reference;

namespace BetterCare.App.Apis;

/// <summary>
/// The signatories' pages, server-rendered HTML that works without JavaScript:
/// <c>GET /api/signoff/{token}</c> shows the figures and the declaration, <c>POST</c> signs off or
/// declines, <c>GET /api/signoff/{token}/summary</c> and <c>GET /api/returns/{id}/signed-summary</c>
/// (with an API key) print what was signed. Every value is HTML-encoded; a bad link changes nothing.
/// </summary>
public static class SignOffPages
{
    internal static async Task<IResult> ShowAsync(string token, SignOffService signOff, SignOffCalendar calendar, CancellationToken ct)
    {
        var link = await signOff.OpenAsync(token, toDecide: true, ct).ConfigureAwait(false);
        return link.Problem is { } problem ? Problem(problem) : Html(StatusCodes.Status200OK, "Sign off the return", Form(link, token, calendar, null));
    }

    internal static async Task<IResult> DecideAsync(string token, HttpRequest request, SignOffService signOff, SignOffCalendar calendar, CancellationToken ct)
    {
        if (!request.HasFormContentType)
        {
            return Html(StatusCodes.Status400BadRequest, "Not a form", "<p>Send the sign-off form.</p>");
        }

        var form = await request.ReadFormAsync(ct).ConfigureAwait(false);
        var decision = form["decision"].ToString();
        if (decision is not ("approve" or "decline"))
        {
            var link = await signOff.OpenAsync(token, toDecide: true, ct).ConfigureAwait(false);
            return link.Problem is { } p ? Problem(p) : Html(StatusCodes.Status400BadRequest, "Sign off the return", Form(link, token, calendar, "Choose whether to sign off or decline."));
        }

        var outcome = await signOff.DecideAsync(token, decision == "approve", form["confirm"].ToString() == "yes", form["comment"].ToString(), ct).ConfigureAwait(false);
        if (outcome.Link.Problem is { } problem)
        {
            return Problem(problem);
        }

        if (outcome.FormProblem is { } formProblem)
        {
            return Html(StatusCodes.Status400BadRequest, "Sign off the return", Form(outcome.Link, token, calendar, formProblem));
        }

        var row = outcome.Link.Signature!;
        var s = outcome.Link.Submission!;
        var body = new StringBuilder();
        body.Append(row.Status == SignatureStatus.Signed
            ? $"<p>Thank you. You signed off the {E(SignOffEmails.Title(s))} return for {E(row.Organisation)} on {E(calendar.Describe(row.DecidedAt!.Value))}.</p>"
            : $"<p>Thank you. You declined to sign off the {E(SignOffEmails.Title(s))} return; the uploader has been told what you said.</p>");
        body.Append(CultureInfo.InvariantCulture, $"<p>{E(WhatFollows(outcome.Link.Signatures))}</p>");
        body.Append(CultureInfo.InvariantCulture, $"<p><a href=\"{E($"/api/signoff/{token}/summary")}\">Printable summary of what was signed</a></p>");
        return Html(StatusCodes.Status200OK, row.Status == SignatureStatus.Signed ? "Signed off" : "Declined", body.ToString());
    }

    /// <summary>What the decision leads to, from the signatures as they now stand (the workflow records it a moment later).</summary>
    private static string WhatFollows(IReadOnlyList<SignatureRecord> signatures)
    {
        var live = signatures.Where(r => r.Status != SignatureStatus.Void).ToList();
        var waiting = live.Count(r => r.Status == SignatureStatus.Pending);
        return live.Any(r => r.Status == SignatureStatus.Declined) ? "The return now needs changes: the uploader is told, and the other links stop working."
            : waiting == 0 ? "Every signatory has now signed: the return is signed off, and everyone gets a confirmation."
            : $"{waiting} other signator{(waiting == 1 ? "y is" : "ies are")} still to sign.";
    }

    internal static async Task<IResult> LinkSummaryAsync(string token, SignOffService signOff, SignOffCalendar calendar, CancellationToken ct)
    {
        var link = await signOff.OpenAsync(token, toDecide: false, ct).ConfigureAwait(false);
        return link.Problem is { } problem ? Problem(problem) : Html(StatusCodes.Status200OK, "Sign-off summary", Summary(link.Submission!, link.Signatures, calendar));
    }

    internal static async Task<IResult> SignedSummaryAsync(
        string submissionId, HttpRequest request, CallerAuthenticator auth, IReturnTables tables, ISignOffStore store, ReferenceData reference, SignOffCalendar calendar, CancellationToken ct)
    {
        if (auth.Authenticate(request) is not { } caller)
        {
            return ApiErrors.Unauthorized();
        }

        var s = SubmissionId.IsWellFormed(submissionId) ? await tables.GetSubmissionAsync(submissionId, ct).ConfigureAwait(false) : null;
        if (s is null || !(caller.CanSee(s.HwbCode, reference.Area(s.HwbCode)?.Region) || s.Uploader == caller.Name))
        {
            return ApiErrors.NotFound($"Submission '{submissionId}'");
        }

        var rows = await store.GetSignaturesAsync(s.Id, ct).ConfigureAwait(false);
        return Html(StatusCodes.Status200OK, "Sign-off summary", Summary(s, rows, calendar));
    }

    private static string Form(SignOffLink link, string token, SignOffCalendar calendar, string? problem)
    {
        var s = link.Submission!;
        var r = link.Signature!;
        var b = new StringBuilder();
        if (problem is not null)
        {
            b.Append(CultureInfo.InvariantCulture, $"<p class=\"problem\" role=\"alert\">{E(problem)}</p>");
        }

        b.Append(CultureInfo.InvariantCulture, $"<p>{E(r.Name)}, you are asked to sign off this Better Care Fund quarterly return for {E(r.Organisation)} ({E(r.SigningFor)}).</p>");
        b.Append(Facts(
        [
            ("Health and Wellbeing Board", $"{s.HwbName} ({s.HwbCode})"),
            ("Period", s.Period ?? string.Empty),
            ("Submission", s.Id),
            ("Workbook", s.FileName),
            ("Pool total", s.Figures is { } f ? SignOffEmails.Money(f.Pool.Pool) : "not stated"),
            SignOffEmails.Contribution(s, r.Organisation, new Signatory(r.SignatoryKey, r.Organisation, r.SigningFor, r.Name, r.Position, r.Email).ForTheBoard),
            ("Warnings", s.Warnings.ToString(CultureInfo.InvariantCulture)),
            ("Link works until", calendar.Describe(r.TokenExpiresAt)),
        ]));
        b.Append(Partners(s));
        b.Append(CultureInfo.InvariantCulture, $"""
            <form method="post" action="/api/signoff/{E(token)}">
            <h2>Your declaration</h2>
            <blockquote>{E(link.Declaration)}</blockquote>
            <p><label><input type="checkbox" name="confirm" value="yes"> I make this declaration</label></p>
            <p><button type="submit" name="decision" value="approve">Sign off the return</button></p>
            <h2>Or decline</h2>
            <p><label for="comment">What needs to change</label><br><textarea id="comment" name="comment" rows="5" cols="60" maxlength="2000"></textarea></p>
            <p><button type="submit" name="decision" value="decline">Decline to sign off</button></p>
            </form>
            """);
        return b.ToString();
    }

    private static string Summary(Submission s, IReadOnlyList<SignatureRecord> rows, SignOffCalendar calendar)
    {
        var b = new StringBuilder();
        b.Append(Facts(
        [
            ("Health and Wellbeing Board", $"{s.HwbName} ({s.HwbCode})"),
            ("Period", s.Period ?? string.Empty),
            ("Submission", s.Id),
            ("Workbook", s.FileName),
            ("SHA-256 of the workbook", s.ContentHash ?? string.Empty),
            ("Status", StatusText(s.Status)),
            ("Pool total", s.Figures is { } f ? SignOffEmails.Money(f.Pool.Pool) : "not stated"),
            ("Errors / warnings", $"{s.Errors} / {s.Warnings}"),
        ]));
        b.Append(Partners(s));
        b.Append("<h2>Signatures</h2><table><tr><th>Organisation</th><th>Signing for</th><th>Name</th><th>Position</th><th>Decision</th><th>When</th><th>Declaration or comment</th></tr>");
        foreach (var r in rows)
        {
            var decision = r.Status switch
            {
                SignatureStatus.Signed => "Signed",
                SignatureStatus.Declined => "Declined",
                SignatureStatus.Void => "Void (replaced)",
                _ => "Not yet signed",
            };
            b.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(r.Organisation)}</td><td>{E(r.SigningFor)}</td><td>{E(r.Name)}</td><td>{E(r.Position)}</td><td>{E(decision)}</td><td>{E(r.DecidedAt is { } at ? calendar.Describe(at) : string.Empty)}</td><td>{E(r.Declaration ?? r.Comment)}</td></tr>");
        }

        b.Append("</table>");
        return b.ToString();
    }

    private static string Partners(Submission s)
    {
        if (s.Figures is not { } f || f.Partners.Count == 0)
        {
            return string.Empty;
        }

        var b = new StringBuilder("<h2>Contributions to the pool</h2><table><tr><th>Partner</th><th>Type</th><th>Minimum</th><th>Additional</th><th>Total</th><th>Actual to date</th><th>Forecast outturn</th></tr>");
        foreach (var p in f.Partners)
        {
            b.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(p.Name)}</td><td>{E(p.Kind)}</td><td>{E(SignOffEmails.Money(p.Figures.Minimum))}</td><td>{E(SignOffEmails.Money(p.Figures.Additional))}</td><td>{E(SignOffEmails.Money(p.Figures.Pool))}</td><td>{E(SignOffEmails.Money(p.Figures.ActualToDate))}</td><td>{E(SignOffEmails.Money(p.Figures.Forecast))}</td></tr>");
        }

        b.Append(CultureInfo.InvariantCulture, $"<tr><th>Total</th><td></td><td>{E(SignOffEmails.Money(f.Pool.Minimum))}</td><td>{E(SignOffEmails.Money(f.Pool.Additional))}</td><td>{E(SignOffEmails.Money(f.Pool.Pool))}</td><td>{E(SignOffEmails.Money(f.Pool.ActualToDate))}</td><td>{E(SignOffEmails.Money(f.Pool.Forecast))}</td></tr></table>");
        return b.ToString();
    }

    private static string Facts(IEnumerable<(string Label, string Value)> facts)
    {
        var b = new StringBuilder("<table>");
        foreach (var (label, value) in facts)
        {
            b.Append(CultureInfo.InvariantCulture, $"<tr><th>{E(label)}</th><td>{E(value)}</td></tr>");
        }

        return b.Append("</table>").ToString();
    }

    private static string StatusText(SubmissionStatus status) => status switch
    {
        SubmissionStatus.Accepted => "accepted, waiting for sign-off",
        SubmissionStatus.SignedOff => "signed off",
        SubmissionStatus.ChangesRequested => "waiting for changes (a signatory declined)",
        SubmissionStatus.Superseded => "replaced by a later return",
        _ => status.ToString(),
    };

    private static IResult Problem(LinkProblem problem) => problem switch
    {
        LinkProblem.Expired => Html(StatusCodes.Status410Gone, "This link has expired", "<p>This sign-off link has expired. Ask the return's uploader to have the request sent again.</p>"),
        LinkProblem.Used => Html(StatusCodes.Status410Gone, "This link has been used", "<p>This sign-off link has already been used: your decision is recorded. Each link works once.</p>"),
        LinkProblem.Superseded => Html(StatusCodes.Status410Gone, "This return has been replaced", "<p>A later return for the same board and period has replaced this one. Use the link in the newer email.</p>"),
        LinkProblem.Closed => Html(StatusCodes.Status409Conflict, "This return no longer waits for sign-off", "<p>This return is signed off already, or a signatory has declined it and a corrected return is awaited.</p>"),
        _ => Html(StatusCodes.Status404NotFound, "This link is not valid", "<p>This sign-off link is not valid. Check that the whole link was copied from the email.</p>"),
    };

    private static IResult Html(int status, string title, string body) => Results.Content(
        $$"""
        <!DOCTYPE html>
        <html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="referrer" content="no-referrer">
        <title>{{E(title)}}</title>
        <style>body{font-family:sans-serif;max-width:60em;margin:1em auto;padding:0 1em} table{border-collapse:collapse;margin:1em 0} th,td{border:1px solid #999;padding:.3em .5em;text-align:left} .problem{border:3px solid #d4351c;padding:.5em} @media print{form{display:none} }</style>
        </head><body>
        <h1>{{E(title)}}</h1>
        {{body}}
        </body></html>
        """,
        "text/html; charset=utf-8",
        Encoding.UTF8,
        status);

    private static string E(string? text) => MailBody.Encode(text);
}
