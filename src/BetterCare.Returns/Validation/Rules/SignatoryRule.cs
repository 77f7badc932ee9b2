using BetterCare.Returns.Findings;
using BetterCare.Returns.Model;
using BetterCare.Returns.Reading;

namespace BetterCare.Returns.Validation.Rules;

/// <summary>
/// SIGNATORY-MISSING: each partner in Contributions, and the HWB chair, needs a complete
/// signatory row (name, position and email, none a placeholder). Reported once per
/// organisation, naming what is missing.
/// </summary>
public sealed class SignatoryRule : IValidationRule
{
    private static readonly string HwbKey = Labels.Normalize("Health and Wellbeing Board");

    public IReadOnlyList<FindingCode> Emits { get; } = [FindingCode.SignatoryMissing];

    public IEnumerable<Finding> Check(ValidationContext context)
    {
        var signOff = context.Return.SignOff;
        if (signOff is null || !signOff.Layout.Found)
        {
            yield break;
        }

        var claimed = new HashSet<SignatoryRow>();
        foreach (var partner in context.Return.Contributions?.Rows ?? [])
        {
            if (partner.Partner.IsMissing)
            {
                continue;
            }

            var rows = signOff.Rows.Where(s => ValidationContext.Names(s.Organisation, partner)).ToList();
            claimed.UnionWith(rows);
            if (Judge(signOff.Sheet, signOff.Layout.HeaderCell, partner.Name, rows) is { } finding)
            {
                yield return finding;
            }
        }

        var hwbName = Labels.Normalize(context.Cover?.HwbName);
        var board = signOff.Rows.Where(s => !claimed.Contains(s) &&
            (s.SigningFor.Key == HwbKey || s.Organisation.Key.Contains(HwbKey, StringComparison.Ordinal) ||
             (hwbName.Length > 0 && s.Organisation.Key == hwbName))).ToList();
        var boardName = context.Cover?.HwbName is { Length: > 0 } n ? $"the {n} Health and Wellbeing Board chair" : "the Health and Wellbeing Board chair";
        if (Judge(signOff.Sheet, signOff.Layout.HeaderCell, boardName, board) is { } chair)
        {
            yield return chair;
        }
    }

    private static Finding? Judge(string sheet, string? headerCell, string organisation, List<SignatoryRow> rows)
    {
        if (rows.Count == 0)
        {
            return Finding.Of(FindingCode.SignatoryMissing, sheet, headerCell, $"There is no signatory row for {organisation}.");
        }

        if (rows.Any(r => Gaps(r).Count == 0))
        {
            return null;
        }

        var best = rows.OrderBy(r => Gaps(r).Count).First();
        var gaps = Gaps(best);
        return Finding.Of(FindingCode.SignatoryMissing, sheet, gaps[0].Cell.Cell,
            $"The signatory for {organisation} (row {best.Row + 1}) has no {JoinOr(gaps.Select(Describe).ToList())}.");
    }

    private static List<(string Column, CellValue Cell)> Gaps(SignatoryRow row)
    {
        var gaps = new List<(string, CellValue)>(3);
        if (row.Name.IsMissing) gaps.Add(("name", row.Name));
        if (row.Position.IsMissing) gaps.Add(("position", row.Position));
        if (row.Email.IsMissing) gaps.Add(("email", row.Email));
        return gaps;
    }

    private static string JoinOr(List<string> parts) =>
        parts.Count == 1 ? parts[0] : string.Join(", ", parts.Take(parts.Count - 1)) + " or " + parts[^1];

    private static string Describe((string Column, CellValue Cell) gap) =>
        gap.Cell.IsBlank ? gap.Column : $"{gap.Column} (only the placeholder '{gap.Cell.Text}')";
}
