using BetterCare.Returns.Currency;
using BetterCare.Returns.Findings;

namespace BetterCare.Returns.Validation.Rules;

/// <summary>MONEY-MISSING: a money value is TBC or blank where one is expected. Missing is not zero.</summary>
public sealed class MoneyMissingRule : IValidationRule
{
    public IReadOnlyList<FindingCode> Emits { get; } = [FindingCode.MoneyMissing];

    public IEnumerable<Finding> Check(ValidationContext context)
    {
        foreach (var (cell, _) in MoneyCells.All(context.Return))
        {
            if (cell.Reading.Kind != MoneyReadingKind.Missing)
            {
                continue;
            }

            var what = cell.Reading.Written.Length == 0 ? "is blank" : $"is '{cell.Reading.Written}'";
            yield return Finding.Of(FindingCode.MoneyMissing, cell.Sheet, cell.Cell,
                $"{cell.Column} {what}; a figure is expected here, and totals that need it are not checked until it is given.");
        }
    }
}
