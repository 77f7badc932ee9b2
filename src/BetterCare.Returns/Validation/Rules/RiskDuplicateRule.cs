using System.Text.RegularExpressions;
using BetterCare.Returns.Findings;
using BetterCare.Returns.Model;

namespace BetterCare.Returns.Validation.Rules;

/// <summary>
/// RISK-DUPLICATE: two risks share a number. The number is the risk's own column (No, Ref, ID)
/// when there is one, else the number that starts the risk's text ("3. Lack of capacity").
/// </summary>
public sealed partial class RiskDuplicateRule : IValidationRule
{
    public IReadOnlyList<FindingCode> Emits { get; } = [FindingCode.RiskDuplicate];

    public IEnumerable<Finding> Check(ValidationContext context)
    {
        var seen = new Dictionary<string, RiskRow>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in context.Return.Risks?.Rows ?? [])
        {
            if (NumberOf(row) is not { } number)
            {
                continue;
            }

            if (seen.TryGetValue(number, out var first))
            {
                var cell = row.Number ?? row.Risk;
                yield return Finding.Of(FindingCode.RiskDuplicate, cell.Sheet, cell.Cell,
                    $"Risk number {number} is used twice (rows {first.Row + 1} and {row.Row + 1}); give each risk its own number.");
            }
            else
            {
                seen[number] = row;
            }
        }
    }

    public static string? NumberOf(RiskRow row)
    {
        if (row.Number is { IsMissing: false } own)
        {
            return own.Text!.Trim().TrimEnd('.');
        }

        var m = LeadingNumber().Match(row.Risk.Text ?? string.Empty);
        return m.Success ? m.Groups[1].Value : null;
    }

    [GeneratedRegex(@"^\s*((?:R|Risk\s*)?\d+(?:\.\d+)*)[.):]?\s", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingNumber();
}
