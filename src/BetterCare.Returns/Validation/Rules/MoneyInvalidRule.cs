using BetterCare.Returns.Currency;
using BetterCare.Returns.Findings;

namespace BetterCare.Returns.Validation.Rules;

/// <summary>MONEY-INVALID: a money cell holds something that is not a money value, e.g. "£214,00".</summary>
public sealed class MoneyInvalidRule : IValidationRule
{
    public IReadOnlyList<FindingCode> Emits { get; } = [FindingCode.MoneyInvalid];

    public IEnumerable<Finding> Check(ValidationContext context)
    {
        foreach (var (cell, _) in MoneyCells.All(context.Return))
        {
            if (cell.Reading.Kind == MoneyReadingKind.Invalid)
            {
                yield return Finding.Of(FindingCode.MoneyInvalid, cell.Sheet, cell.Cell,
                    $"{cell.Column} '{cell.Reading.Written}' is not a money value (write e.g. £1,234, 1234.5, £12.151M or nil).");
            }
        }
    }
}
