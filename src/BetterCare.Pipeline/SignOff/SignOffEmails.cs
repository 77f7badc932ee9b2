using System.Globalization;
using System.Text.Json;
using BetterCare.Pipeline.Ports;
using BetterCare.Pipeline.Submissions;
using BetterCare.Returns.Currency;
using BetterCare.Returns.Reading;

namespace BetterCare.Pipeline.SignOff;

/// <summary>One finding as the uploader's email lists it.</summary>
public sealed record FindingLine(string Code, string Severity, string Sheet, string? Cell, string Message)
{
    /// <summary>Reads the findings of a stored report (see ReportJson).</summary>
    public static IReadOnlyList<FindingLine> FromReport(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return [];
        }

        using var document = JsonDocument.Parse(json);
        if (!document.RootElement.TryGetProperty("findings", out var findings))
        {
            return [];
        }

        return [.. findings.EnumerateArray().Select(f => new FindingLine(
            Text(f, "code") ?? string.Empty, Text(f, "severity") ?? string.Empty, Text(f, "sheet") ?? string.Empty, Text(f, "cell"), Text(f, "message") ?? string.Empty))];
    }

    private static string? Text(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}

/// <summary>The workflow's emails. Each names the HWB and period, links back to the submission, and carries HTML and plain text.</summary>
public sealed class SignOffEmails
{
    private const int MaxFindingsListed = 200;

    private readonly SignOffOptions _options;
    private readonly SignOffCalendar _calendar;
    private readonly Returns.Reference.ReferenceData _reference;

    public SignOffEmails(SignOffOptions options, SignOffCalendar calendar, Returns.Reference.ReferenceData reference)
    {
        _options = options;
        _calendar = calendar;
        _reference = reference;
    }

    /// <summary>
    /// The return as mail names it: the HWB's name from the reference data when its code is known
    /// there (never only the workbook's own text, which anyone can write), then the period.
    /// </summary>
    public string Named(Submission s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return _reference.Area(s.HwbCode)?.HwbName is { } known ? $"{known} {s.Period ?? "(period unknown)"}" : Title(s);
    }

    public string StatusUrl(string submissionId) => $"{Base}/submissions/{submissionId}";

    public string SignOffUrl(string token) => $"{Base}/sign-off/{token}";

    public string SummaryUrl(string token) => $"{Base}/sign-off/{token}/record";

    public string SignedSummaryUrl(string submissionId) => $"{Base}/submissions/{submissionId}/record";

    private string Base => _options.PublicBaseUrl.TrimEnd('/');

    public static string Money(long pence) => new Money(pence).ToString();

    public static string Title(Submission s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var name = string.Join(' ', (s.HwbName ?? s.HwbCode ?? "Unidentified HWB").Split((char[])['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries));
        return $"{name} {s.Period ?? "(period unknown)"}";
    }

    /// <summary>Money the signatory's organisation puts into the pool, or the whole pool for the board.</summary>
    public static (string Label, string Value) Contribution(Submission s, string organisation, bool forTheBoard)
    {
        var figures = s.Figures;
        if (figures is null)
        {
            return ("Your organisation's contribution", "not stated");
        }

        if (forTheBoard)
        {
            return ("Your organisation's contribution", $"the whole pool, {Money(figures.Pool.Pool)}");
        }

        var key = Labels.Normalize(organisation);
        var partner = figures.Partners.FirstOrDefault(p => Labels.Normalize(p.Name) == key || (p.Code is not null && Labels.Normalize(p.Code) == key));
        return partner is null
            ? ("Your organisation's contribution", $"{organisation} has no line on the Contributions sheet")
            : ($"{partner.Name}'s contribution", $"{Money(partner.Figures.Pool)} (minimum {Money(partner.Figures.Minimum)}, additional {Money(partner.Figures.Additional)}, forecast outturn {Money(partner.Figures.Forecast)})");
    }

    public MailMessage Decision(string id, Submission s, MailAddress to, IReadOnlyList<FindingLine> findings)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(findings);
        var verdict = s.Status switch
        {
            SubmissionStatus.Rejected => "Rejected",
            SubmissionStatus.Superseded => "Accepted, but replaced",
            _ => "Accepted",
        };
        var subject = $"{verdict}: {Named(s)} Better Care Fund return";
        var body = new MailBody()
            .Paragraph($"Your workbook '{s.FileName}' has been checked.")
            .Facts(
            [
                ("Health and Wellbeing Board", $"{s.HwbName ?? "not readable"} ({s.HwbCode ?? "no code"})"),
                ("Period", s.Period ?? "not readable"),
                ("Decision", verdict),
                ("Errors", s.Errors.ToString(CultureInfo.InvariantCulture)),
                ("Warnings", s.Warnings.ToString(CultureInfo.InvariantCulture)),
                ("Submission", s.Id),
            ]);
        body.Paragraph(s.Status switch
        {
            SubmissionStatus.Rejected => "The return was not accepted: correct the errors below and upload the workbook again.",
            SubmissionStatus.Superseded => $"A later return for the same board and period ({s.SupersededBy}) is already the accepted one, so this one does not count and is not sent for sign-off.",
            _ => "The return is accepted and counts in the period's totals. Each signatory on its Sign-off sheet is now asked to sign it off.",
        });
        if (findings.Count > 0)
        {
            body.Table(
                ["Code", "Severity", "Sheet", "Cell", "Message"],
                findings.Take(MaxFindingsListed).Select(f => (IReadOnlyList<string>)[f.Code, f.Severity, f.Sheet, f.Cell ?? string.Empty, f.Message]));
            if (findings.Count > MaxFindingsListed)
            {
                body.Paragraph($"… and {findings.Count - MaxFindingsListed} more on the status page.");
            }
        }

        body.Link("The submission's status page", StatusUrl(s.Id));
        var (html, text) = body.Build(subject);
        return new MailMessage(id, [to], subject, html, text, s.Id);
    }

    public MailMessage Request(string id, Submission s, SignatureRecord r, string token, DateTimeOffset? deadline, int? chaser = null)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(r);
        var subject = chaser is { } n
            ? $"Reminder {n}: please sign off the {Named(s)} Better Care Fund return"
            : $"Please sign off the {Named(s)} Better Care Fund return";
        var signatory = new Signatory(r.SignatoryKey, r.Organisation, r.SigningFor, r.Name, r.Position, r.Email);
        var body = new MailBody().Paragraph($"Dear {r.Name},");
        if (chaser is not null)
        {
            body.Paragraph($"You were asked on {_calendar.DescribeDate(r.RequestedAt)} to sign off this return and have not yet done so.");
        }

        body.Paragraph($"The Better Care Fund quarterly return below names you as signatory for {r.Organisation} ({r.SigningFor}). Please check the figures and sign it off, or decline and say what needs to change.")
            .Facts(
            [
                ("Health and Wellbeing Board", $"{s.HwbName} ({s.HwbCode})"),
                ("Period", s.Period ?? string.Empty),
                ("Pool total", s.Figures is { } f ? Money(f.Pool.Pool) : "not stated"),
                Contribution(s, r.Organisation, signatory.ForTheBoard),
                ("Warnings to look at", s.Warnings.ToString(CultureInfo.InvariantCulture)),
                ("Deadline", deadline is { } d ? _calendar.Describe(d) : "none set"),
                ("Link works until", _calendar.Describe(r.TokenExpiresAt)),
            ])
            .Link("Review and sign off the return", SignOffUrl(token))
            .Paragraph("The link is personal to you and works once. Do not forward this email.");
        var (html, text) = body.Build(subject);
        return new MailMessage(id, [new MailAddress(r.Email, r.Name)], subject, html, text, s.Id);
    }

    public MailMessage Escalation(string id, Submission s, string region, IReadOnlyList<MailAddress> managers, IReadOnlyList<SignatureRecord> unsigned, DateTimeOffset deadline)
    {
        ArgumentNullException.ThrowIfNull(s);
        var subject = $"Deadline passed without sign-off: {Named(s)} Better Care Fund return";
        var body = new MailBody()
            .Paragraph($"The deadline for {s.Period} passed on {_calendar.Describe(deadline)} and the accepted return of {s.HwbName} ({s.HwbCode}, {region}) is not signed off.")
            .Table(["Organisation", "Signing for", "Name", "Position", "Status"], unsigned.Select(u => (IReadOnlyList<string>)[u.Organisation, u.SigningFor, u.Name, u.Position, u.Status == SignatureStatus.Declined ? $"declined: {u.Comment}" : "not signed"]))
            .Link("The submission's status page", StatusUrl(s.Id));
        var (html, text) = body.Build(subject);
        return new MailMessage(id, managers, subject, html, text, s.Id);
    }

    public MailMessage LeadReminder(string id, string hwbCode, string hwbName, string period, IReadOnlyList<MailAddress> leads, DateTimeOffset deadline, int workingDaysLeft, string? latestStatus)
    {
        var subject = $"{hwbName}: no accepted Better Care Fund return for {period} yet";
        var body = new MailBody()
            .Paragraph($"{hwbName} ({hwbCode}) has no accepted return for {period}, and the deadline is {_calendar.Describe(deadline)}: {workingDaysLeft} working day(s) away.")
            .Paragraph(latestStatus is null ? "No return has been uploaded for the period." : $"The latest upload for the period is {latestStatus}.");
        var (html, text) = body.Build(subject);
        return new MailMessage(id, leads, subject, html, text, null);
    }

    public MailMessage MissingReturns(string id, string period, string region, IReadOnlyList<MailAddress> managers, IReadOnlyList<(string Code, string Name, string? LatestStatus)> missing, DateTimeOffset deadline)
    {
        ArgumentNullException.ThrowIfNull(missing);
        var subject = $"{period} deadline: {missing.Count} board(s) in {region} without an accepted return";
        var body = new MailBody()
            .Paragraph($"The deadline for {period} is {_calendar.Describe(deadline)}. These Health and Wellbeing Boards in {region} have no accepted return:")
            .Table(["HWB code", "Health and Wellbeing Board", "Latest upload"], missing.Select(m => (IReadOnlyList<string>)[m.Code, m.Name, m.LatestStatus ?? "none"]));
        var (html, text) = body.Build(subject);
        return new MailMessage(id, managers, subject, html, text, null);
    }

    public MailMessage SignedOff(string id, Submission s, MailAddress to, IReadOnlyList<SignatureRecord> signatures, string summaryUrl)
    {
        ArgumentNullException.ThrowIfNull(s);
        var subject = $"Signed off: {Named(s)} Better Care Fund return";
        var body = new MailBody()
            .Paragraph($"Every signatory has signed off the {Named(s)} return. It is final.")
            .Facts([("Pool total", s.Figures is { } f ? Money(f.Pool.Pool) : "not stated"), ("Submission", s.Id)])
            .Table(["Organisation", "Signing for", "Name", "Signed"], signatures.Select(r => (IReadOnlyList<string>)[r.Organisation, r.SigningFor, r.Name, r.DecidedAt is { } at ? _calendar.Describe(at) : string.Empty]))
            .Link("Printable summary of what was signed", summaryUrl);
        var (html, text) = body.Build(subject);
        return new MailMessage(id, [to], subject, html, text, s.Id);
    }

    public MailMessage ChangesRequested(string id, Submission s, MailAddress to, SignatureRecord declined)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(declined);
        var subject = $"Changes requested: {Named(s)} Better Care Fund return";
        var body = new MailBody()
            .Paragraph($"{declined.Name} ({declined.Position}) declined to sign off the return for {declined.Organisation} and said:")
            .Paragraph(declined.Comment ?? string.Empty)
            .Paragraph("Correct the workbook and upload it again; the signatories will be asked to sign the new return.")
            .Link("The submission's status page", StatusUrl(s.Id));
        var (html, text) = body.Build(subject);
        return new MailMessage(id, [to], subject, html, text, s.Id);
    }

    public static string Declaration(Submission s, SignatureRecord r)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(r);
        var of = r.Position.Contains(r.Organisation, StringComparison.OrdinalIgnoreCase) ? string.Empty : $" of {r.Organisation}";
        return $"I, {r.Name}, {r.Position}{of}, confirm that the Better Care Fund quarterly return of {s.HwbName} ({s.HwbCode}) " +
            $"for {(s.Period is { } period ? Periods.PeriodNames.Title(period) : "an unstated period")}, submission {s.Id}, with a pool total of {(s.Figures is { } f ? Money(f.Pool.Pool) : "not stated")}, " +
            $"is accurate to the best of my knowledge, and that {r.Organisation} agrees to it.";
    }
}
