using BetterCare.Returns.Currency;
using BetterCare.Returns.Findings;

namespace BetterCare.Returns.Validation.Rules;

/// <summary>COVER-TOTAL: the Cover's total agreed value of the pooled budget is not what the partners' contributions add up to.</summary>
public sealed class CoverTotalRule : IValidationRule
{
    public IReadOnlyList<FindingCode> Emits { get; } = [FindingCode.CoverTotal];

    public IEnumerable<Finding> Check(ValidationContext context)
    {
        if (context.Cover?.TotalAgreed is not { HasValue: true } stated || context.ContributionsTotal is not { } sum)
        {
            yield break;
        }

        if (MoneyFigure.Disagree(stated.Figure, sum))
        {
            yield return Finding.Of(FindingCode.CoverTotal, stated.Sheet, stated.Cell,
                $"The Cover states a total agreed pooled budget of {stated.Amount}{context.ReadAsNote(stated)}, but the partners' total contributions " +
                $"on {context.Return.Contributions!.Sheet} add up to {sum.Amount} (difference {(stated.Amount - sum.Amount).Abs()}).");
        }
    }
}
