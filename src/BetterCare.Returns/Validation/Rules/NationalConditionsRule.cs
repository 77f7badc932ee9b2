using BetterCare.Returns.Findings;
using BetterCare.Returns.Reading;

namespace BetterCare.Returns.Validation.Rules;

/// <summary>CONDITION-NOT-MET: a national condition answered No or Partially; an error when no commentary says why.</summary>
public sealed class NationalConditionsRule : IValidationRule
{
    public IReadOnlyList<FindingCode> Emits { get; } = [FindingCode.ConditionNotMet];

    public IEnumerable<Finding> Check(ValidationContext context)
    {
        foreach (var row in context.Return.Conditions?.Rows ?? [])
        {
            var met = row.Met.Key;
            if (met is not ("no" or "partially"))
            {
                continue;
            }

            var condition = row.Condition.Text ?? $"in row {row.Row + 1}";
            if (row.Commentary is not { IsMissing: false } commentary)
            {
                yield return new Finding(FindingCode.ConditionNotMet, Severity.Error, row.Met.Sheet, row.Commentary?.Cell ?? row.Met.Cell,
                    $"National condition '{condition}' is marked '{row.Met.Text}' with no commentary; say why it is not met and what is being done.");
            }
            else
            {
                yield return Finding.Of(FindingCode.ConditionNotMet, row.Met.Sheet, row.Met.Cell,
                    $"National condition '{condition}' is marked '{row.Met.Text}': {Shorten(Labels.Text(commentary.Raw))}");
            }
        }
    }

    private static string Shorten(string? text) =>
        text is null ? string.Empty : text.Length <= 200 ? text : text[..200] + "…";
}
