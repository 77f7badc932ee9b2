using BetterCare.Returns.Currency;
using BetterCare.Returns.Findings;
using BetterCare.Returns.Model;

namespace BetterCare.Returns.Validation.Rules;

/// <summary>COLUMN-TOTAL: a money column's rows do not sum to the figure its Total row states.</summary>
public sealed class ColumnTotalRule : IValidationRule
{
    public IReadOnlyList<FindingCode> Emits { get; } = [FindingCode.ColumnTotal];

    public IEnumerable<Finding> Check(ValidationContext context)
    {
        var r = context.Return;
        return Check(r.Contributions, p => [p.Minimum, p.Additional, p.Total, p.ActualToDate, p.Forecast])
            .Concat(Check(r.Schemes, s => [s.Planned, s.ActualToDate, s.Forecast]))
            .Concat(Check(r.Dfg, d => [d.Allocation]));
    }

    private static IEnumerable<Finding> Check<TRow>(Table<TRow>? table, Func<TRow, MoneyCell[]> cellsOf)
    {
        if (table is null || table.StatedTotals.Count == 0)
        {
            yield break;
        }

        var sums = new Dictionary<string, MoneyFigure>(StringComparer.Ordinal);
        var incomplete = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in table.Rows)
        {
            foreach (var cell in cellsOf(row))
            {
                if (!cell.HasValue)
                {
                    incomplete.Add(cell.Column);
                    continue;
                }

                sums[cell.Column] = sums.TryGetValue(cell.Column, out var s) ? s + cell.Figure : cell.Figure;
            }
        }

        foreach (var (column, stated) in table.StatedTotals)
        {
            if (!stated.HasValue || incomplete.Contains(column) || !sums.TryGetValue(column, out var sum))
            {
                continue;
            }

            if (MoneyFigure.Disagree(sum, stated.Figure))
            {
                yield return Finding.Of(FindingCode.ColumnTotal, stated.Sheet, stated.Cell,
                    $"{column} column sums to {sum.Amount} but the Total row states {stated.Amount} " +
                    $"(difference {(sum.Amount - stated.Amount).Abs()}).");
            }
        }
    }
}
