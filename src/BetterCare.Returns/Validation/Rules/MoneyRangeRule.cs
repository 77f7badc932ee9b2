using BetterCare.Returns.Currency;
using BetterCare.Returns.Findings;

namespace BetterCare.Returns.Validation.Rules;

/// <summary>
/// MONEY-RANGE: a value over £100,000,000 (the national template's own limit), or negative
/// outside Actual to date and Forecast outturn.
/// </summary>
public sealed class MoneyRangeRule : IValidationRule
{
    public static readonly Money Limit = Money.FromPounds(100_000_000L);

    public IReadOnlyList<FindingCode> Emits { get; } = [FindingCode.MoneyRange];

    public IEnumerable<Finding> Check(ValidationContext context)
    {
        foreach (var (cell, negativeAllowed) in MoneyCells.All(context.Return))
        {
            if (!cell.HasValue)
            {
                continue;
            }

            if (cell.Amount.Abs() > Limit)
            {
                yield return Finding.Of(FindingCode.MoneyRange, cell.Sheet, cell.Cell,
                    $"{cell.Column} '{cell.Reading.Written}' is {cell.Amount}, over the {Limit} limit for any one figure (check the units).");
            }
            else if (cell.Amount < Money.Zero && !negativeAllowed)
            {
                yield return Finding.Of(FindingCode.MoneyRange, cell.Sheet, cell.Cell,
                    $"{cell.Column} '{cell.Reading.Written}' is {cell.Amount}; it cannot be negative (only Actual to date and Forecast outturn can).");
            }
        }
    }
}
