using BetterCare.Returns.Reading;

namespace BetterCare.Returns.Model;

/// <summary>
/// A quarterly return as typed data, exactly as written: every value keeps its cell, and
/// nothing is judged here. Tables are null when their sheet is absent.
/// <see cref="UnitsReadings"/> lists the figures read in other units than the workbook states
/// (empty as parsed; see <c>UnitsReconciler</c>).
/// </summary>
public sealed record QuarterlyReturn(
    string FileName,
    IReadOnlySet<TemplateSheet> SheetsPresent,
    Cover? Cover,
    Table<PartnerRow>? Contributions,
    Table<SchemeRow>? Schemes,
    Table<SignatoryRow>? SignOff,
    Table<ConditionRow>? Conditions,
    Table<MetricRow>? Metrics,
    Table<DistrictRow>? Dfg,
    Table<RiskRow>? Risks)
{
    public IReadOnlyList<UnitsReading> UnitsReadings { get; init; } = [];

    /// <summary>Cells whose text was made safe as the workbook was read (the first few; <see cref="CleanedCount"/> counts them all).</summary>
    public IReadOnlyList<CleanedText> Cleaned { get; init; } = [];

    public int CleanedCount { get; init; }

    public string SheetName(TemplateSheet sheet) => sheet switch
    {
        TemplateSheet.Cover => Cover?.SheetName,
        TemplateSheet.Contributions => Contributions?.Sheet,
        TemplateSheet.Schemes => Schemes?.Sheet,
        TemplateSheet.SignOff => SignOff?.Sheet,
        TemplateSheet.NationalConditions => Conditions?.Sheet,
        TemplateSheet.Metrics => Metrics?.Sheet,
        TemplateSheet.Dfg => Dfg?.Sheet,
        TemplateSheet.Risks => Risks?.Sheet,
        _ => null,
    } ?? sheet.DisplayName();
}
