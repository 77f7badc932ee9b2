using BetterCare.Returns.Model;

namespace BetterCare.Returns.Validation;

/// <summary>Every money cell of a return, with whether the spec allows it to be negative.</summary>
public static class MoneyCells
{
    public static IEnumerable<(MoneyCell Cell, bool NegativeAllowed)> All(QuarterlyReturn r)
    {
        ArgumentNullException.ThrowIfNull(r);
        if (r.Cover?.MinimumRequired is { } min)
        {
            yield return (min, false);
        }

        if (r.Cover?.TotalAgreed is { } total)
        {
            yield return (total, false);
        }

        foreach (var row in r.Contributions?.Rows ?? [])
        {
            yield return (row.Minimum, false);
            yield return (row.Additional, false);
            yield return (row.Total, false);
            yield return (row.ActualToDate, true);
            yield return (row.Forecast, true);
        }

        foreach (var cell in Totals(r.Contributions))
        {
            yield return cell;
        }

        foreach (var row in r.Schemes?.Rows ?? [])
        {
            yield return (row.Planned, false);
            yield return (row.ActualToDate, true);
            yield return (row.Forecast, true);
        }

        foreach (var cell in Totals(r.Schemes))
        {
            yield return cell;
        }

        foreach (var row in r.Dfg?.Rows ?? [])
        {
            yield return (row.Allocation, false);
        }

        foreach (var cell in Totals(r.Dfg))
        {
            yield return cell;
        }
    }

    public static bool NegativeAllowedIn(string column) =>
        column is "Actual to date" or "Forecast outturn";

    private static IEnumerable<(MoneyCell, bool)> Totals<TRow>(Table<TRow>? table) =>
        table?.StatedTotals.Values.Select(c => (c, NegativeAllowedIn(c.Column))) ?? [];
}
