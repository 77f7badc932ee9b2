using System.Globalization;
using BetterCare.Pipeline.Aggregates;
using BetterCare.Pipeline.Submissions;

namespace BetterCare.App.Exports;

/// <summary>A view of an aggregate as a table: text columns and money columns (pence), for CSV and Excel alike.</summary>
public sealed record ExportTable(string Name, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<object?>> Rows);

/// <summary>The four views of an aggregate: HWBs, partners, scheme types and the scope's totals.</summary>
public static class AggregateTables
{
    public static readonly IReadOnlyList<string> Views = ["hwbs", "partners", "schemes", "totals"];

    public static IReadOnlyList<ExportTable> All(ScopeAggregate a) => [Hwbs(a), Partners(a), Schemes(a), Totals(a)];

    public static ExportTable? View(ScopeAggregate a, string view) => All(a).FirstOrDefault(t => t.Name == view);

    public static ExportTable Hwbs(ScopeAggregate a) => new(
        "hwbs",
        ["period", "hwb_code", "hwb_name", "region", "county", "status", "state", "accepted_submission", .. PoolColumns, "ccg_icb_pool", "council_pool", "other_pool", "planned_spend"],
        a.Hwbs.Select(h => (IReadOnlyList<object?>)[
            a.Period, h.HwbCode, h.HwbName, h.Region, h.County, h.Status, h.State.Text, h.AcceptedSubmissionId,
            .. Pool(h.Figures?.Pool),
            Pence(h.Figures?.ByPartnerType.GetValueOrDefault("CCG/ICB")?.Pool),
            Pence(h.Figures?.ByPartnerType.GetValueOrDefault("Council")?.Pool),
            Pence(h.Figures?.ByPartnerType.GetValueOrDefault("Other")?.Pool),
            Pence(h.Figures?.Spend.Planned)]).ToList());

    public static ExportTable Partners(ScopeAggregate a) => new(
        "partners",
        ["period", "partner_code", "partner_name", "kind", "hwbs", .. PoolColumns],
        a.Partners.Select(p => (IReadOnlyList<object?>)[a.Period, p.Code, p.Name, p.Kind, string.Join(" ", p.HwbCodes), .. Pool(p.Figures)]).ToList());

    public static ExportTable Schemes(ScopeAggregate a) => new(
        "schemes",
        ["period", "scheme_type", "planned_spend", "actual_to_date", "forecast_outturn"],
        a.BySchemeType.Select(kv => (IReadOnlyList<object?>)[a.Period, kv.Key, Pence(kv.Value.Planned), Pence(kv.Value.ActualToDate), Pence(kv.Value.Forecast)]).ToList());

    public static ExportTable Totals(ScopeAggregate a) => new(
        "totals",
        ["period", "scope", "partner_type", .. PoolColumns, "hwbs_accepted", "hwbs_without_accepted_return"],
        [
            [a.Period, a.Scope.ToString(), "All", .. Pool(a.Totals), (long)a.Hwbs.Count(h => h.Figures is not null), string.Join(" ", a.WithoutAcceptedReturn)],
            .. a.ByPartnerType.Select(kv => (IReadOnlyList<object?>)[a.Period, a.Scope.ToString(), kv.Key, .. Pool(kv.Value), null, null]),
        ]);

    /// <summary>Money in a table: a <see cref="Pence"/> amount, so CSV writes pounds and Excel a currency cell.</summary>
    public readonly record struct Money(long Value)
    {
        public decimal Pounds => Value / 100m;

        public override string ToString() => Pounds.ToString("0.00", CultureInfo.InvariantCulture);
    }

    private static readonly string[] PoolColumns = ["pool", "minimum", "additional", "actual_to_date", "forecast_outturn"];

    private static object?[] Pool(PoolPence? p) =>
        p is null ? [null, null, null, null, null] : [new Money(p.Pool), new Money(p.Minimum), new Money(p.Additional), new Money(p.ActualToDate), new Money(p.Forecast)];

    private static object? Pence(long? value) => value is { } v ? new Money(v) : null;
}
