using BetterCare.Returns.Currency;
using BetterCare.Returns.Findings;

namespace BetterCare.Returns.Validation.Rules;

/// <summary>POOL-BELOW-MINIMUM: the pooled budget is less than the Cover's minimum required value.</summary>
public sealed class PoolBelowMinimumRule : IValidationRule
{
    public IReadOnlyList<FindingCode> Emits { get; } = [FindingCode.PoolBelowMinimum];

    public IEnumerable<Finding> Check(ValidationContext context)
    {
        var cover = context.Cover;
        if (cover?.MinimumRequired is not { HasValue: true } minimum)
        {
            yield break;
        }

        // The pool as agreed on the Cover, else as the contributions add up.
        var (pool, where) = cover.TotalAgreed is { HasValue: true } agreed
            ? (agreed.Figure, agreed)
            : (context.ContributionsTotal ?? default, minimum);
        if (context.ContributionsTotal is null && cover.TotalAgreed is not { HasValue: true })
        {
            yield break;
        }

        if (pool.Amount < minimum.Amount && MoneyFigure.Disagree(pool, minimum.Figure))
        {
            yield return Finding.Of(FindingCode.PoolBelowMinimum, where.Sheet, where.Cell,
                $"The pooled budget of {pool.Amount} is below the minimum required value of {minimum.Amount} " +
                $"(short by {minimum.Amount - pool.Amount}).");
        }
    }
}
