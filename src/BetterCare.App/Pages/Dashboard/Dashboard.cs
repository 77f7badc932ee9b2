using BetterCare.App.Exports;
using BetterCare.Pipeline.Aggregates;
using BetterCare.Pipeline.Periods;
using BetterCare.Pipeline.SignOff;
using BetterCare.Pipeline.Submissions;
using BetterCare.Returns.Model;
using BetterCare.Returns.Reference;

namespace BetterCare.App.Pages.Dashboard;

/// <summary>
/// One HWB on a dashboard: where its return stands, its accepted pool against the minimum its
/// partners must put in, and how its sign-off goes. Money in pence.
/// </summary>
public sealed record DashboardLine(
    string HwbCode,
    string HwbName,
    string County,
    HwbState State,
    long? Pool,
    long? Minimum,
    bool MinimumFromReference,
    string? SubmissionId);

/// <summary>The region's pool in one quarter, from its accepted returns.</summary>
public sealed record QuarterPool(string Period, long Pool, long Minimum, int Accepted);

/// <summary>
/// A region's (or England's) returns for a period, as its dashboard, its CSV and its workbook show
/// them: built once from the period's rows, so the three carry the same figures. Every HWB the
/// reference data places in the area is listed, those with no upload as <em>not submitted</em>.
/// The minimum is the reference data's required minimum for the year when it has one for the HWB,
/// else the minimum the return itself states.
/// </summary>
public sealed record Dashboard(
    string Period,
    string? Region,
    IReadOnlyList<DashboardLine> Lines,
    IReadOnlyList<QuarterPool> Quarters,
    string? Deadline,
    int? DaysToDeadline)
{
    public long Pool => Lines.Sum(l => l.Pool ?? 0);

    public long Minimum => Lines.Where(l => l.Pool is not null).Sum(l => l.Minimum ?? 0);

    public string AreaName => Region ?? "England";

    /// <summary>How many HWBs are in each state, in the order states are listed.</summary>
    public IReadOnlyList<(string Text, int Count)> StateCounts =>
        [.. Lines.GroupBy(l => l.State.Code).OrderBy(g => Order(g.Key)).Select(g => (Name(g.Key), g.Count()))];

    public static Dashboard Build(
        string period, string? region, IReadOnlyList<PeriodReturn> rows, IReadOnlyList<(string Period, IReadOnlyList<PeriodReturn> Rows)> quarters,
        ReferenceData reference, SignOffCalendar calendar, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(quarters);
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(calendar);
        var year = ReturnPeriod.TryParse(period, out var parsed) ? parsed.Year : (FinancialYear?)null;
        var byCode = rows.ToDictionary(r => r.HwbCode, StringComparer.OrdinalIgnoreCase);
        var areas = reference.Areas.Where(a => region is null || AreaNames.Same(a.Region, region)).ToList();
        var codes = areas.Select(a => a.HwbCode).Concat(rows.Select(r => r.HwbCode)).Distinct(StringComparer.OrdinalIgnoreCase);
        var lines = codes
            .Select(code =>
            {
                var row = byCode.GetValueOrDefault(code);
                var area = reference.Area(code);
                var required = year is { } y ? reference.MinimumsFor(y, code).ToList() : [];
                var counted = row is { HasAccepted: true, Figures: { } f } ? f : null;
                return new DashboardLine(
                    code,
                    area?.HwbName ?? row?.HwbName ?? code,
                    area?.County ?? row?.County ?? "Unknown",
                    HwbState.Of(row),
                    counted?.Pool.Pool,
                    required.Count > 0 ? required.Sum(m => m.Minimum.Pence) : counted?.Pool.Minimum,
                    required.Count > 0,
                    row?.AcceptedSubmissionId ?? row?.LatestSubmissionId);
            })
            .OrderBy(l => l.HwbName, StringComparer.OrdinalIgnoreCase)
            .ToList();
        var deadline = calendar.DeadlineOf(period);
        return new Dashboard(
            period,
            region,
            lines,
            [.. quarters.Select(q => new QuarterPool(
                q.Period,
                q.Rows.Where(r => r.HasAccepted).Sum(r => r.Figures?.Pool.Pool ?? 0),
                q.Rows.Where(r => r.HasAccepted).Sum(r => r.Figures?.Pool.Minimum ?? 0),
                q.Rows.Count(r => r.HasAccepted)))],
            deadline is { } d ? calendar.Describe(d) : null,
            deadline is { } due ? calendar.DayOf(due).DayNumber - calendar.DayOf(now).DayNumber : null);
    }

    /// <summary>The HWB table as the page shows it, for the CSV and the workbook.</summary>
    public ExportTable Table() => new(
        "hwbs",
        ["period", "hwb_code", "hwb_name", "county", "state", "pool", "minimum", "pool_less_minimum", "minimum_from"],
        [.. Lines.Select(l => (IReadOnlyList<object?>)[
            Period, l.HwbCode, l.HwbName, l.County, l.State.Text,
            Money(l.Pool), Money(l.Minimum), l.Pool is { } p && l.Minimum is { } m ? new AggregateTables.Money(p - m) : null,
            l.Minimum is null ? null : l.MinimumFromReference ? "reference data" : "the return"])]);

    /// <summary>The region's totals and its quarters, as the page shows them.</summary>
    public ExportTable TotalsTable() => new(
        "totals",
        ["period", "area", "hwbs", "accepted", "pool", "minimum"],
        [.. Quarters.Select(q => (IReadOnlyList<object?>)[q.Period, AreaName, (long)Lines.Count, (long)q.Accepted, new AggregateTables.Money(q.Pool), new AggregateTables.Money(q.Minimum)])]);

    private static AggregateTables.Money? Money(long? pence) => pence is { } p ? new AggregateTables.Money(p) : null;

    private static int Order(string code) => code switch
    {
        "not-submitted" => 0,
        "being-checked" => 1,
        "rejected" => 2,
        "failed" => 3,
        "latest-rejected" => 4,
        "changes-requested" => 5,
        "accepted" => 6,
        _ => 7,
    };

    private static string Name(string code) => code switch
    {
        "not-submitted" => "Not submitted",
        "being-checked" => "Being checked",
        "rejected" => "Rejected",
        "failed" => "Could not be processed",
        "latest-rejected" => "Latest upload rejected, earlier return counts",
        "changes-requested" => "Changes requested",
        "accepted" => "Accepted, awaiting signatures",
        _ => "Signed off",
    };
}
