using BetterCare.Returns.Currency;
using BetterCare.Returns.Findings;
using BetterCare.Returns.Reading;

namespace BetterCare.Returns.Validation.Rules;

/// <summary>DFG-PASS-THROUGH: the DFG sheet's district allocations do not add up to the Disabled Facilities Grant schemes' planned spend.</summary>
public sealed class DfgPassThroughRule : IValidationRule
{
    private static readonly string DfgType = Labels.Normalize("Disabled Facilities Grant");

    public IReadOnlyList<FindingCode> Emits { get; } = [FindingCode.DfgPassThrough];

    public IEnumerable<Finding> Check(ValidationContext context)
    {
        var dfg = context.Return.Dfg;
        var schemes = context.Return.Schemes;
        if (dfg is null || dfg.Rows.Count == 0 || schemes is null)
        {
            yield break;
        }

        if (ValidationContext.SumRows(dfg, d => d.Allocation.HasValue ? d.Allocation.Figure : null) is not { } allocated)
        {
            yield break;
        }

        var dfgSchemes = schemes.Rows.Where(s => s.SchemeType.Key == DfgType).ToList();
        if (dfgSchemes.Any(s => !s.Planned.HasValue))
        {
            yield break;
        }

        var planned = MoneyFigure.Sum(dfgSchemes.Select(s => s.Planned.Figure));
        if (MoneyFigure.Disagree(allocated, planned))
        {
            var where = dfg.StatedTotals.TryGetValue("Allocation", out var total) ? total.Cell : dfg.Layout.HeaderCell;
            yield return Finding.Of(FindingCode.DfgPassThrough, dfg.Sheet, where,
                $"District allocations add up to {allocated.Amount}, but the Disabled Facilities Grant schemes plan " +
                $"{planned.Amount} ({dfgSchemes.Count} scheme{(dfgSchemes.Count == 1 ? string.Empty : "s")}; difference {(allocated.Amount - planned.Amount).Abs()}).");
        }
    }
}
