using BetterCare.Returns.Findings;
using BetterCare.Returns.Reading;

namespace BetterCare.Returns.Validation.Rules;

/// <summary>SHEET-MISSING: Cover, Contributions, Schemes and Sign-off must all be present.</summary>
public sealed class RequiredSheetsRule : IValidationRule
{
    public IReadOnlyList<FindingCode> Emits { get; } = [FindingCode.SheetMissing];

    public IEnumerable<Finding> Check(ValidationContext context)
    {
        foreach (var sheet in TemplateSheets.Required)
        {
            if (!context.Return.SheetsPresent.Contains(sheet))
            {
                yield return Finding.Of(FindingCode.SheetMissing, sheet.DisplayName(), null,
                    $"The workbook has no '{sheet.DisplayName()}' sheet, which every return needs.");
            }
        }
    }
}
