using BetterCare.Returns.Currency;
using BetterCare.Returns.Findings;

namespace BetterCare.Returns.Validation.Rules;

/// <summary>PARTNER-TOTAL: a partner's minimum plus additional contribution is not its total contribution.</summary>
public sealed class PartnerTotalRule : IValidationRule
{
    public IReadOnlyList<FindingCode> Emits { get; } = [FindingCode.PartnerTotal];

    public IEnumerable<Finding> Check(ValidationContext context)
    {
        foreach (var row in context.Return.Contributions?.Rows ?? [])
        {
            if (!row.Minimum.HasValue || !row.Additional.HasValue || !row.Total.HasValue)
            {
                continue;
            }

            var sum = row.Minimum.Figure + row.Additional.Figure;
            if (MoneyFigure.Disagree(sum, row.Total.Figure))
            {
                yield return Finding.Of(FindingCode.PartnerTotal, row.Total.Sheet, row.Total.Cell,
                    $"{row.Name}: minimum {row.Minimum.Amount} + additional {row.Additional.Amount} = {sum.Amount}, " +
                    $"but its total contribution is {row.Total.Amount} (difference {(sum.Amount - row.Total.Amount).Abs()}).");
            }
        }
    }
}
