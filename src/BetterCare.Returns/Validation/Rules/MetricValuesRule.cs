using BetterCare.Returns.Findings;
using BetterCare.Returns.Model;

namespace BetterCare.Returns.Validation.Rules;

/// <summary>FIELD-INVALID on Metrics: a plan or actual that is not a number (566, 1,234.5 or 88.6%).</summary>
public sealed class MetricValuesRule : IValidationRule
{
    public IReadOnlyList<FindingCode> Emits { get; } = [FindingCode.FieldInvalid];

    public IEnumerable<Finding> Check(ValidationContext context)
    {
        foreach (var row in context.Return.Metrics?.Rows ?? [])
        {
            foreach (var (column, cell) in new[] { ("Plan", row.Plan), ("Actual", row.Actual) })
            {
                if (cell is { IsMissing: false } given && !NumberText.TryParse(given.Raw, out _) && !IsPending(given))
                {
                    yield return Finding.Of(FindingCode.FieldInvalid, given.Sheet, given.Cell,
                        $"{column} '{given.Text}' for metric '{row.Metric.Text}' is not a number.");
                }
            }
        }
    }

    private static bool IsPending(CellValue cell) => cell.Key is "tbc" or "n a" or "na";
}
