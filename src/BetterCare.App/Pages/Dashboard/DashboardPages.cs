using BetterCare.App.Auth;
using BetterCare.App.Exports;
using BetterCare.App.Pages.Shared;
using BetterCare.App.Pages.SignIn;
using BetterCare.Pipeline.Periods;
using BetterCare.Pipeline.Ports;
using BetterCare.Pipeline.SignOff;
using BetterCare.Returns.Model;
using BetterCare.Returns.Reference;

namespace BetterCare.App.Pages.Dashboard;

/// <summary>
/// <c>GET /periods/{period}/dashboard?region=</c>: a region's returns for a period, for its
/// regional manager (their own region) and national staff (who choose one);
/// <c>GET /periods/{period}/dashboard/download?region=&amp;format=csv|xlsx</c>: the same figures to
/// download. One query of the period's rows for the region, and one per earlier quarter of the
/// year for the quarter-by-quarter chart, run together.
/// </summary>
public static class DashboardPages
{
    internal static async Task<IResult> ShowAsync(
        string period, HttpRequest request, CallerAuthenticator auth, SessionCookie session, IReturnTables tables, ReferenceData reference, SignOffCalendar calendar, TimeProvider clock, CancellationToken ct)
    {
        var (caller, signIn) = SignInPages.Require(request, auth, session);
        if (caller is null)
        {
            return signIn!;
        }

        var (dashboard, refusal) = await LoadAsync(period, request, caller, tables, reference, calendar, clock, ct).ConfigureAwait(false);
        if (refusal is not null)
        {
            return refusal;
        }

        if (dashboard is null)
        {
            return Page.Of<RegionChoicePage>(caller, new { Period = period, Regions = AreaNames.Regions(reference) });
        }

        return Page.Of<DashboardPage>(caller, new { Dashboard = dashboard });
    }

    internal static async Task<IResult> DownloadAsync(
        string period, HttpRequest request, CallerAuthenticator auth, SessionCookie session, IReturnTables tables, ReferenceData reference, SignOffCalendar calendar, TimeProvider clock, CancellationToken ct)
    {
        var (caller, signIn) = SignInPages.Require(request, auth, session);
        if (caller is null)
        {
            return signIn!;
        }

        var format = request.Query["format"].ToString();
        if (format is not ("csv" or "xlsx"))
        {
            return Page.Of<MessagePage>(caller, new { Title = "No such download", Paragraphs = (IReadOnlyList<string>)["A dashboard downloads as csv or xlsx."] }, StatusCodes.Status404NotFound);
        }

        var (dashboard, refusal) = await LoadAsync(period, request, caller, tables, reference, calendar, clock, ct).ConfigureAwait(false);
        if (refusal is not null || dashboard is null)
        {
            return refusal ?? Results.Redirect($"/periods/{period}/dashboard");
        }

        var name = $"bcf-{dashboard.Period}-{string.Concat(dashboard.AreaName.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-'))}";
        return format == "csv"
            ? Results.File(System.Text.Encoding.UTF8.GetBytes(CsvExport.Write(dashboard.Table())), "text/csv; charset=utf-8", $"{name}.csv")
            : Results.File(ExcelExport.Write([dashboard.Table(), dashboard.TotalsTable()]), ExcelExport.ContentType, $"{name}.xlsx");
    }

    /// <summary>The dashboard asked for; neither (and no refusal) when national staff have still to choose a region.</summary>
    private static async Task<(Dashboard? Dashboard, IResult? Refusal)> LoadAsync(
        string period, HttpRequest request, Caller caller, IReturnTables tables, ReferenceData reference, SignOffCalendar calendar, TimeProvider clock, CancellationToken ct)
    {
        if (caller.Role is not (Role.RegionalManager or Role.National or Role.Admin))
        {
            return (null, Page.Of<MessagePage>(caller, new { Title = "Dashboards are for Better Care managers", Paragraphs = (IReadOnlyList<string>)["Your board's returns are on your home page."] }, StatusCodes.Status403Forbidden));
        }

        if (!ReturnPeriod.TryParse(period, out var parsed))
        {
            return (null, Page.Of<NotFound>(caller, new { What = $"'{period}' is not a period such as 2017-18-Q2." }, StatusCodes.Status404NotFound));
        }

        var asked = request.Query["region"].ToString().Trim();
        if (caller.Role == Role.RegionalManager && asked.Length == 0)
        {
            asked = caller.Scope ?? string.Empty;
        }

        if (asked.Length == 0)
        {
            return (null, null);
        }

        var regions = AreaNames.Regions(reference);
        if (AreaNames.Find(regions, asked) is not { } region)
        {
            return (null, Page.Of<NotFound>(caller, new { What = $"There is no region called '{asked}'. The regions are: {string.Join(", ", regions)}." }, StatusCodes.Status404NotFound));
        }

        if (!caller.CanSee(null, region))
        {
            return (null, Page.Of<NotFound>(caller, new { What = $"You can see the dashboard of {caller.Scope} only." }, StatusCodes.Status404NotFound));
        }

        // The period's rows and those of the year's earlier quarters, fetched together.
        var periods = Enumerable.Range(1, parsed.Quarter.Number).Select(q => new ReturnPeriod(parsed.Year, new Quarter(q)).ToString()).ToList();
        var fetched = await Task.WhenAll(periods.Select(p => tables.ListPeriodAsync(p, region, ct))).ConfigureAwait(false);
        var quarters = periods.Select((p, i) => (p, fetched[i])).ToList();
        var dashboard = Dashboard.Build(parsed.ToString(), region, fetched[^1], quarters, reference, calendar, clock.GetUtcNow());
        return (dashboard, null);
    }
}
