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
        return Check(context, r.Contributions, p => p.Minimum, p => p.Additional, p => p.Total, p => p.ActualToDate, p => p.Forecast)
            .Concat(Check(context, r.Schemes, s => s.Planned, s => s.ActualToDate, s => s.Forecast))
            .Concat(Check(context, r.Dfg, d => d.Allocation));
    }

    private static IEnumerable<Finding> Check<TRow>(ValidationContext context, Table<TRow>? table, params Func<TRow, MoneyCell>[] columns)
    {
        if (table is null || table.StatedTotals.Count == 0)
        {
            yield break;
        }

        // Each column's sum, when every one of its cells has a value.
        var sums = new Dictionary<string, MoneyFigure>(StringComparer.Ordinal);
        foreach (var cellOf in columns)
        {
            if (Sum(table.Rows, cellOf) is ({ } column, { } sum))
            {
                sums[column] = sum;
            }
        }

        foreach (var (column, stated) in table.StatedTotals)
        {
            if (!stated.HasValue || !sums.TryGetValue(column, out var sum))
            {
                continue;
            }

            if (MoneyFigure.Disagree(sum, stated.Figure))
            {
                yield return Finding.Of(FindingCode.ColumnTotal, stated.Sheet, stated.Cell,
                    $"{column} column sums to {sum.Amount} but the Total row states {stated.Amount}{context.ReadAsNote(stated)} " +
                    $"(difference {(sum.Amount - stated.Amount).Abs()}).");
            }
        }
    }

    /// <summary>A column's name and the sum of its cells; no sum when a cell has no value, no name when there are no rows.</summary>
    private static (string? Column, MoneyFigure? Sum) Sum<TRow>(IReadOnlyList<TRow> rows, Func<TRow, MoneyCell> cellOf)
    {
        string? column = null;
        MoneyFigure? sum = null;
        foreach (var row in rows)
        {
            var cell = cellOf(row);
            if (!cell.HasValue)
            {
                return (cell.Column, null);
            }

            column = cell.Column;
            sum = sum is { } s ? s + cell.Figure : cell.Figure;
        }

        return (column, sum);
    }
}
