using BetterCare.Returns.Currency;
using BetterCare.Returns.Findings;

namespace BetterCare.Returns.Validation.Rules;

/// <summary>COVER-MINIMUM: the Cover's minimum required value is not the sum of the partners' minimum contributions.</summary>
public sealed class CoverMinimumRule : IValidationRule
{
    public IReadOnlyList<FindingCode> Emits { get; } = [FindingCode.CoverMinimum];

    public IEnumerable<Finding> Check(ValidationContext context)
    {
        if (context.Cover?.MinimumRequired is not { HasValue: true } stated || context.MinimumsTotal is not { } sum)
        {
            yield break;
        }

        if (MoneyFigure.Disagree(stated.Figure, sum))
        {
            yield return Finding.Of(FindingCode.CoverMinimum, stated.Sheet, stated.Cell,
                $"The Cover states a minimum required pooled budget of {stated.Amount}{context.ReadAsNote(stated)}, but the partners' minimum contributions " +
                $"on {context.Return.Contributions!.Sheet} add up to {sum.Amount} (difference {(stated.Amount - sum.Amount).Abs()}).");
        }
    }
}
