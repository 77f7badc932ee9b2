using BetterCare.Returns.Findings;
using BetterCare.Returns.Model;

namespace BetterCare.Returns.Validation.Rules;

/// <summary>
/// RISK-SCORE: a likelihood or impact outside 1–5, or an overall score that is not
/// likelihood × impact. FIELD-INVALID: a score that is not a number at all.
/// </summary>
public sealed class RiskScoreRule : IValidationRule
{
    public IReadOnlyList<FindingCode> Emits { get; } = [FindingCode.RiskScore, FindingCode.FieldInvalid];

    public IEnumerable<Finding> Check(ValidationContext context)
    {
        foreach (var row in context.Return.Risks?.Rows ?? [])
        {
            var name = RiskDuplicateRule.NumberOf(row) is { } n ? $"Risk {n}" : $"The risk in row {row.Row + 1}";
            decimal? likelihood = null, impact = null, overall = null;
            foreach (var (label, cell, set) in new (string, CellValue, Action<decimal>)[]
                     {
                         ("likelihood", row.Likelihood, v => likelihood = v),
                         ("impact", row.Impact, v => impact = v),
                         ("overall", row.Overall, v => overall = v),
                     })
            {
                if (cell.IsMissing)
                {
                    continue;
                }

                if (!NumberText.TryParseLeading(cell.Raw, out var value))
                {
                    yield return Finding.Of(FindingCode.FieldInvalid, cell.Sheet, cell.Cell, $"{name}'s {label} '{cell.Text}' is not a number.");
                    continue;
                }

                set(value);
                if (label != "overall" && (value < 1 || value > 5 || value != decimal.Truncate(value)))
                {
                    yield return Finding.Of(FindingCode.RiskScore, cell.Sheet, cell.Cell,
                        $"{name}'s {label} is {value}; scores run from 1 to 5.");
                }
            }

            if (likelihood is { } l && impact is { } i && overall is { } o && o != l * i)
            {
                yield return Finding.Of(FindingCode.RiskScore, row.Overall.Sheet, row.Overall.Cell,
                    $"{name}'s overall score is {o}, but likelihood {l} × impact {i} = {l * i}.");
            }
        }
    }
}
