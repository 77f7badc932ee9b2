using BetterCare.Returns.Currency;
using BetterCare.Returns.Reading;

namespace BetterCare.Returns.Model;

/// <summary>
/// A Cover label and its value (the next non-blank cell to its right), if any.
/// <see cref="BlankValue"/> is the cell just right of the label, where a missing value belongs.
/// </summary>
public sealed record CoverEntry(string Label, CellValue LabelCell, CellValue? Value, CellAddress BlankValue)
{
    /// <summary>The A1-style address of <see cref="BlankValue"/>.</summary>
    public string BlankValueCell => BlankValue.ToString();

    /// <summary>Where a finding about this entry points: the value, else where the value belongs.</summary>
    public CellAddress Address => Value?.Address ?? BlankValue;

    /// <summary>The A1-style address of <see cref="Address"/>.</summary>
    public string Cell => Address.ToString();
}

/// <summary>The labels of the Cover sheet.</summary>
public enum CoverField
{
    TemplateVersion = 1,
    HwbName = 2,
    HwbCode = 3,
    FinancialYear = 4,
    Quarter = 5,
    Units = 6,
    MinimumRequired = 7,
    TotalAgreed = 8,
    CompletedBy = 9,
    Email = 10,
    DateCompleted = 11,
}

public sealed record Cover(
    string SheetName,
    IReadOnlyDictionary<CoverField, CoverEntry> Entries,
    Units Units,
    MoneyCell? MinimumRequired,
    MoneyCell? TotalAgreed)
{
    public CoverEntry? Entry(CoverField field) => Entries.GetValueOrDefault(field);

    public string? Text(CoverField field) => Entry(field)?.Value?.Text;

    public string? HwbName => Text(CoverField.HwbName);

    public string? HwbCode => Text(CoverField.HwbCode)?.Trim().ToUpperInvariant();

    public ReturnPeriod? Period =>
        FinancialYear.TryParse(Text(CoverField.FinancialYear), out var y) && Quarter.TryParse(Text(CoverField.Quarter), out var q)
            ? new ReturnPeriod(y, q)
            : null;

    public static string LabelOf(CoverField field) => field switch
    {
        CoverField.TemplateVersion => "Template version",
        CoverField.HwbName => "Health and Wellbeing Board",
        CoverField.HwbCode => "HWB code",
        CoverField.FinancialYear => "Financial year",
        CoverField.Quarter => "Quarter",
        CoverField.Units => "Units",
        CoverField.MinimumRequired => "Minimum required value of pooled budget",
        CoverField.TotalAgreed => "Total agreed value of pooled budget",
        CoverField.CompletedBy => "Completed by",
        CoverField.Email => "Email",
        CoverField.DateCompleted => "Date completed",
        _ => field.ToString(),
    };
}
