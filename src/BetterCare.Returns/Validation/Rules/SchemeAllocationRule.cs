using BetterCare.Returns.Currency;
using BetterCare.Returns.Findings;

namespace BetterCare.Returns.Validation.Rules;

/// <summary>
/// SCHEMES-UNALLOCATED (warning): planned scheme spend leaves part of the pool unallocated.
/// SCHEMES-OVERCOMMITTED (error): planned scheme spend exceeds the pool.
/// </summary>
public sealed class SchemeAllocationRule : IValidationRule
{
    public IReadOnlyList<FindingCode> Emits { get; } = [FindingCode.SchemesUnallocated, FindingCode.SchemesOvercommitted];

    public IEnumerable<Finding> Check(ValidationContext context)
    {
        var schemes = context.Return.Schemes;
        if (schemes is null || context.Pool is not { } pool ||
            ValidationContext.SumRows(schemes, s => s.Planned.HasValue ? s.Planned.Figure : null) is not { } planned)
        {
            yield break;
        }

        if (!MoneyFigure.Disagree(planned, pool))
        {
            yield break;
        }

        var where = schemes.StatedTotals.TryGetValue("Planned spend", out var total) ? total.Cell : schemes.Layout.HeaderCell;
        if (planned.Amount < pool.Amount)
        {
            yield return Finding.Of(FindingCode.SchemesUnallocated, schemes.Sheet, where,
                $"Planned scheme spend adds up to {planned.Amount}, less than the pooled budget of {pool.Amount}: " +
                $"{pool.Amount - planned.Amount} is not allocated to any scheme.");
        }
        else
        {
            yield return Finding.Of(FindingCode.SchemesOvercommitted, schemes.Sheet, where,
                $"Planned scheme spend adds up to {planned.Amount}, more than the pooled budget of {pool.Amount} " +
                $"(over by {planned.Amount - pool.Amount}).");
        }
    }
}
