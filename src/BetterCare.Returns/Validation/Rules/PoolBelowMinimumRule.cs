using BetterCare.Returns.Currency;
using BetterCare.Returns.Findings;
using BetterCare.Returns.Parsing;

namespace BetterCare.Returns.Validation.Rules;

/// <summary>
/// POOL-BELOW-MINIMUM: the money the partners actually pool (their contributions' total, row by
/// row) is less than the Cover's minimum required value. The Cover's own stated total is not
/// the pool here: when it disagrees with the contributions, that is COVER-TOTAL alone.
/// </summary>
public sealed class PoolBelowMinimumRule : IValidationRule
{
    public IReadOnlyList<FindingCode> Emits { get; } = [FindingCode.PoolBelowMinimum];

    public IEnumerable<Finding> Check(ValidationContext context)
    {
        if (context.Cover?.MinimumRequired is not { HasValue: true } minimum || context.ContributionsTotal is not { } pool)
        {
            yield break;
        }

        if (pool.Amount < minimum.Amount && MoneyFigure.Disagree(pool, minimum.Figure))
        {
            // Where the pool is stated: the contributions' Total row, else the Cover's minimum.
            var contributions = context.Return.Contributions!;
            var where = contributions.StatedTotals.TryGetValue(Columns.Contributions.Total.Header, out var total) && total.HasValue
                ? total
                : minimum;
            yield return Finding.Of(FindingCode.PoolBelowMinimum, where.Sheet, where.Cell,
                $"The partners' contributions on {contributions.Sheet} add up to a pooled budget of {pool.Amount}, below the " +
                $"minimum required value of {minimum.Amount} on the {minimum.Sheet} (short by {minimum.Amount - pool.Amount}).");
        }
    }
}
