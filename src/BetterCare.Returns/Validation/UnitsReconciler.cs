using BetterCare.Returns.Currency;
using BetterCare.Returns.Model;
using BetterCare.Returns.Validation.Rules;

namespace BetterCare.Returns.Validation;

/// <summary>
/// Reads figures as the board meant them when their units disagree: a figure out of range in
/// the units the workbook states (over the £100,000,000 limit) that is a plausible figure in a
/// smaller unit of the spec's, and is not contradicted by what it is compared with, is read in
/// that unit. Every other rule then sees the chosen reading; <see cref="Rules.UnitsMismatchRule"/>
/// says what was done. A figure in range as stated is never reinterpreted.
/// </summary>
/// <remarks>
/// Table columns first, a column at a time (its out-of-range cells, Total row included, move to
/// one unit together): when the column has a Total row, the new reading must add up to it, or
/// come closer to it than the stated one does. Then the Cover's two figures, each only when the
/// new reading is closer to the tables it is compared with than the stated one.
/// </remarks>
public static class UnitsReconciler
{
    private static readonly Units[] LargestFirst = [Units.Millions, Units.Thousands, Units.Pounds];

    private static readonly MoneyColumn<PartnerRow>[] ContributionColumns =
    [
        new(Parsing.Columns.Contributions.Minimum.Header, r => r.Minimum, (r, c) => r with { Minimum = c }),
        new(Parsing.Columns.Contributions.Additional.Header, r => r.Additional, (r, c) => r with { Additional = c }),
        new(Parsing.Columns.Contributions.Total.Header, r => r.Total, (r, c) => r with { Total = c }),
        new(Parsing.Columns.Contributions.ActualToDate.Header, r => r.ActualToDate, (r, c) => r with { ActualToDate = c }),
        new(Parsing.Columns.Contributions.Forecast.Header, r => r.Forecast, (r, c) => r with { Forecast = c }),
    ];

    private static readonly MoneyColumn<SchemeRow>[] SchemeColumns =
    [
        new(Parsing.Columns.Schemes.Planned.Header, r => r.Planned, (r, c) => r with { Planned = c }),
        new(Parsing.Columns.Schemes.ActualToDate.Header, r => r.ActualToDate, (r, c) => r with { ActualToDate = c }),
        new(Parsing.Columns.Schemes.Forecast.Header, r => r.Forecast, (r, c) => r with { Forecast = c }),
    ];

    private static readonly MoneyColumn<DistrictRow>[] DistrictColumns =
    [
        new(Parsing.Columns.Dfg.Allocation.Header, r => r.Allocation, (r, c) => r with { Allocation = c }),
    ];

    /// <summary>The return with its figures read as meant; <paramref name="parsed"/> itself when nothing changes. Idempotent.</summary>
    public static QuarterlyReturn Reconcile(QuarterlyReturn parsed)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        var readings = new List<UnitsReading>();
        var contributions = Columns(parsed.Contributions, ContributionColumns, readings);
        var schemes = Columns(parsed.Schemes, SchemeColumns, readings);
        var dfg = Columns(parsed.Dfg, DistrictColumns, readings);
        var cover = Cover(parsed.Cover, contributions, readings);
        if (readings.Count == 0)
        {
            return parsed;
        }

        return parsed with
        {
            Cover = cover,
            Contributions = contributions,
            Schemes = schemes,
            Dfg = dfg,
            UnitsReadings = [.. parsed.UnitsReadings, .. readings],
        };
    }

    private static Table<TRow>? Columns<TRow>(Table<TRow>? table, MoneyColumn<TRow>[] columns, List<UnitsReading> readings)
    {
        foreach (var column in columns)
        {
            table = Column(table, column, readings);
        }

        return table;
    }

    private static Table<TRow>? Column<TRow>(Table<TRow>? table, MoneyColumn<TRow> column, List<UnitsReading> readings)
    {
        if (table is null || !table.MoneyUnits.TryGetValue(column.Header, out var stated))
        {
            return table;
        }

        // Nearly every column is within range: look before making anything.
        var total = table.StatedTotals.TryGetValue(column.Header, out var t) ? t : (MoneyCell?)null;
        var totalOutOfRange = total is { } tc && OutOfRange(tc);
        if (!totalOutOfRange && !table.Rows.Any(r => OutOfRange(column.Get(r))))
        {
            return table;
        }

        var cells = table.Rows.Select(column.Get).ToList();
        var outOfRange = cells.Select((c, i) => (Cell: c, Row: i)).Where(x => OutOfRange(x.Cell)).ToList();

        foreach (var units in Smaller(stated.Units))
        {
            var rows = table.Rows.ToList();
            var newCells = cells.ToList();
            var asStated = new List<MoneyCell>();
            var asRead = new List<MoneyCell>();
            var plausible = true;
            foreach (var (cell, row) in outOfRange)
            {
                plausible &= TryRead(cell, units, out var read);
                newCells[row] = read;
                rows[row] = column.Set(rows[row], read);
                asStated.Add(cell);
                asRead.Add(read);
            }

            var newTotal = total;
            if (totalOutOfRange)
            {
                plausible &= TryRead(total!.Value, units, out var read);
                newTotal = read;
                asStated.Add(total.Value);
                asRead.Add(read);
            }

            if (!plausible || ColumnEvidence(cells, total, newCells, newTotal) is not { } evidence)
            {
                continue;
            }

            readings.Add(new UnitsReading(table.Sheet, column.Header, stated, units, asStated, asRead, evidence));
            var totals = new Dictionary<string, MoneyCell>(table.StatedTotals, StringComparer.Ordinal);
            if (newTotal is { } nt)
            {
                totals[column.Header] = nt;
            }

            return table with { Rows = rows, StatedTotals = totals };
        }

        return table;
    }

    /// <summary>
    /// Whether the column read anew stands up against its Total row: it adds up to it, or comes
    /// closer than as stated. Null when it does not; no comparison when there is no Total row or a
    /// cell has no value.
    /// </summary>
    private static UnitsEvidence? ColumnEvidence(List<MoneyCell> cells, MoneyCell? total, List<MoneyCell> newCells, MoneyCell? newTotal)
    {
        if (total is not { HasValue: true } || newTotal is not { } readTotal || cells.Count == 0 || cells.Any(c => !c.HasValue))
        {
            return new UnitsEvidence(null, null, null, false);
        }

        var statedSum = MoneyFigure.Sum(cells.Select(c => c.Figure));
        var readSum = MoneyFigure.Sum(newCells.Select(c => c.Figure));
        var statedGap = (statedSum.Amount - total.Value.Amount).Abs();
        var readGap = (readSum.Amount - readTotal.Amount).Abs();
        var addsUp = !MoneyFigure.Disagree(readSum, readTotal.Figure);
        return addsUp || readGap < statedGap ? new UnitsEvidence(UnitsEvidence.TotalRow, statedGap, readGap, addsUp) : null;
    }

    private static Cover? Cover(Cover? cover, Table<PartnerRow>? contributions, List<UnitsReading> readings)
    {
        if (cover is null)
        {
            return null;
        }

        var minimums = ValidationContext.SumRows(contributions, r => r.Minimum.HasValue ? r.Minimum.Figure : null);
        var totals = ValidationContext.SumRows(contributions, ValidationContext.RowTotal);
        var where = contributions?.Sheet;
        var minimum = CoverFigure(cover, cover.MinimumRequired, minimums, $"the partners' minimum contributions on {where}", readings);
        var total = CoverFigure(cover, cover.TotalAgreed, totals, $"the partners' total contributions on {where}", readings);
        return minimum == cover.MinimumRequired && total == cover.TotalAgreed
            ? cover
            : cover with { MinimumRequired = minimum, TotalAgreed = total };
    }

    /// <summary>A Cover figure read in the unit that brings it closest to <paramref name="tables"/>, when that is closer than as stated.</summary>
    private static MoneyCell? CoverFigure(Cover cover, MoneyCell? figure, MoneyFigure? tables, string comparedWith, List<UnitsReading> readings)
    {
        if (figure is not { } cell || !OutOfRange(cell) || tables is not { } against)
        {
            return figure;
        }

        var statedGap = (cell.Amount - against.Amount).Abs();
        (MoneyCell Cell, Units Units, Money Gap)? best = null;
        foreach (var units in Smaller(cover.Units))
        {
            if (TryRead(cell, units, out var read) && (read.Amount - against.Amount).Abs() is var gap && gap < statedGap &&
                (best is null || gap < best.Value.Gap))
            {
                best = (read, units, gap);
            }
        }

        if (best is not { } chosen)
        {
            return figure;
        }

        readings.Add(new UnitsReading(cell.Sheet, cell.Column, new ColumnUnits(cover.Units, false), chosen.Units, [cell], [chosen.Cell],
            new UnitsEvidence($"{comparedWith} ({against.Amount})", statedGap, chosen.Gap, !MoneyFigure.Disagree(chosen.Cell.Figure, against)))
        {
            OnCover = true,
        });
        return chosen.Cell;
    }

    private static bool OutOfRange(MoneyCell cell) => cell.HasValue && cell.Amount.Abs() > MoneyRangeRule.Limit;

    /// <summary>The cell's text read in <paramref name="units"/>: true when that is a value within the limit.</summary>
    private static bool TryRead(MoneyCell cell, Units units, out MoneyCell read)
    {
        read = cell with { Reading = MoneyParser.Read(cell.Reading.Written, units) };
        return read.HasValue && read.Amount.Abs() <= MoneyRangeRule.Limit;
    }

    private static IEnumerable<Units> Smaller(Units stated) => LargestFirst.Where(u => u < stated);

    private sealed record MoneyColumn<TRow>(string Header, Func<TRow, MoneyCell> Get, Func<TRow, MoneyCell, TRow> Set);
}
