using BetterCare.App.Auth;
using BetterCare.App.Pages.SignIn;
using BetterCare.Pipeline.Ports;
using BetterCare.Pipeline.SignOff;
using BetterCare.Returns.Reference;

namespace BetterCare.App.Pages.Home;

/// <summary><c>GET /</c>: a lead's periods with their states; for others, each period's accepted count in their view.</summary>
public static class HomePages
{
    internal static async Task<IResult> ShowAsync(
        HttpRequest request, CallerAuthenticator auth, SessionCookie session, IReturnTables tables, SignOffCalendar calendar, ReferenceData reference, CancellationToken ct)
    {
        var (caller, signIn) = SignInPages.Require(request, auth, session);
        if (caller is null)
        {
            return signIn!;
        }

        var periods = calendar.Deadlines.Keys.OrderDescending(StringComparer.Ordinal).ToList();
        var lines = new List<PeriodLine>(periods.Count);
        if (caller.Role == Role.HwbLead && caller.Scope is { } hwb)
        {
            foreach (var period in periods)
            {
                var row = await tables.GetPeriodReturnAsync(period, hwb, ct).ConfigureAwait(false);
                var counted = row?.AcceptedSubmissionId is { } id ? (await tables.GetSubmissionAsync(id, ct).ConfigureAwait(false))?.Status : null;
                lines.Add(PeriodLine.For(period, row, counted, calendar));
            }

            var name = reference.Area(hwb)?.HwbName ?? hwb;
            return Shared.Page.Of<HomePage>(caller, new { Heading = $"{name}: your returns", Lines = (IReadOnlyList<PeriodLine>)lines, CanUpload = true, Templates = true });
        }

        var region = caller.Role == Role.RegionalManager ? caller.Scope : null;
        foreach (var period in periods)
        {
            var rows = (await tables.ListPeriodAsync(period, region, ct).ConfigureAwait(false)).Where(r => caller.CanSee(r.HwbCode, r.Region)).ToList();
            var accepted = rows.Count(r => r.HasAccepted);
            var deadline = calendar.DeadlineOf(period) is { } d ? calendar.Describe(d) : null;
            lines.Add(new PeriodLine(period, PeriodLine.TitleOf(period), deadline, $"{accepted} accepted of {rows.Count} received", "nhsuk-tag--white",
                region is null ? "Returns from every board in England." : $"Returns from the boards in {region}."));
        }

        return Shared.Page.Of<HomePage>(caller, new { Heading = region is null ? "Returns in England" : $"Returns in {region}", Lines = (IReadOnlyList<PeriodLine>)lines, CanUpload = caller.Role == Role.Admin, Dashboards = true, Administrator = caller.Role == Role.Admin });
    }
}
