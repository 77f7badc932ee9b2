using BetterCare.Returns.Currency;
using BetterCare.Returns.Model;
using BetterCare.Returns.Reading;
using BetterCare.Returns.Reference;

namespace BetterCare.Returns.Validation;

/// <summary>What a rule may look at: the return, the reference data, and the HWB's previous quarter when known.</summary>
public sealed class ValidationContext
{
    public ValidationContext(QuarterlyReturn @return, ReferenceData reference, QuarterlyReturn? previous = null)
    {
        Return = @return;
        Reference = reference;
        Previous = previous;
    }

    public QuarterlyReturn Return { get; }

    public ReferenceData Reference { get; }

    /// <summary>The previous quarter's accepted return of the same HWB and year, if any.</summary>
    public QuarterlyReturn? Previous { get; }

    public Cover? Cover => Return.Cover;

    public string SheetName(TemplateSheet sheet) => Return.SheetName(sheet);

    /// <summary>
    /// The pool as the contributions table states it row by row: each partner's total (or
    /// minimum plus additional when the total is blank). Null when any partner has neither.
    /// </summary>
    public MoneyFigure? ContributionsTotal => SumRows(Return.Contributions, RowTotal);

    public MoneyFigure? MinimumsTotal => SumRows(Return.Contributions, r => r.Minimum.HasValue ? r.Minimum.Figure : null);

    /// <summary>The pool that schemes spend: the contributions' total, else the Cover's stated total.</summary>
    public MoneyFigure? Pool => ContributionsTotal ?? (Cover?.TotalAgreed is { HasValue: true } t ? t.Figure : null);

    public static MoneyFigure? RowTotal(PartnerRow row)
    {
        if (row.Total.HasValue)
        {
            return row.Total.Figure;
        }

        return row.Minimum.HasValue && row.Additional.HasValue ? row.Minimum.Figure + row.Additional.Figure : null;
    }

    public static MoneyFigure? SumRows<TRow>(Table<TRow>? table, Func<TRow, MoneyFigure?> pick)
    {
        if (table is null || table.Rows.Count == 0)
        {
            return null;
        }

        var sum = new MoneyFigure(Money.Zero, Money.Zero);
        foreach (var row in table.Rows)
        {
            var figure = pick(row);
            if (figure is null)
            {
                return null;
            }

            sum += figure.Value;
        }

        return sum;
    }

    /// <summary>" (read as £)" when <paramref name="cell"/> was read in other units than stated (UNITS-MISMATCH), else nothing.</summary>
    public string ReadAsNote(MoneyCell cell) =>
        Return.UnitsReadings.FirstOrDefault(r => r.Covers(cell)) is { } reading ? $" (read as {UnitsText.Describe(reading.Chosen)})" : string.Empty;

    /// <summary>Whether a name or code written in a cell names this partner.</summary>
    public static bool Names(CellValue cell, PartnerRow partner)
    {
        var key = cell.Key;
        if (key.Length == 0)
        {
            return false;
        }

        return key == partner.Partner.Key ||
               (partner.Code is { Length: > 0 } code && string.Equals(cell.Text?.Trim(), code, StringComparison.OrdinalIgnoreCase));
    }
}
