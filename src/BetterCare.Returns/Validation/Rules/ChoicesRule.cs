using BetterCare.Returns.Findings;
using BetterCare.Returns.Model;
using BetterCare.Returns.Reading;

namespace BetterCare.Returns.Validation.Rules;

/// <summary>
/// FIELD-INVALID for the template's closed choices (partner type, scheme type, signing for,
/// met) and for a Scheme ID used twice.
/// </summary>
public sealed class ChoicesRule : IValidationRule
{
    public static readonly IReadOnlyList<string> PartnerTypes = ["CCG", "ICB", "Local authority", "Other"];

    public static readonly IReadOnlyList<string> SchemeTypes =
    [
        "Social care", "Care Act duties", "Carers' breaks", "Reablement", "Community services",
        "Disabled Facilities Grant", "iBCF", "Other",
    ];

    public static readonly IReadOnlyList<string> SigningFor = ["CCG", "ICB", "Council", "Health and Wellbeing Board"];

    public static readonly IReadOnlyList<string> MetAnswers = ["Yes", "No", "Partially"];

    private static readonly HashSet<string> PartnerTypeKeys = Keys(PartnerTypes);
    private static readonly HashSet<string> SchemeTypeKeys = Keys(SchemeTypes);
    private static readonly HashSet<string> SigningForKeys = Keys(SigningFor);
    private static readonly HashSet<string> MetKeys = Keys(MetAnswers);

    public IReadOnlyList<FindingCode> Emits { get; } = [FindingCode.FieldInvalid];

    public IEnumerable<Finding> Check(ValidationContext context)
    {
        var r = context.Return;
        foreach (var row in r.Contributions?.Rows ?? [])
        {
            if (Off(row.PartnerType, PartnerTypeKeys))
            {
                yield return Invalid(row.PartnerType, "Partner type", PartnerTypes);
            }
        }

        var firstRowOfId = new Dictionary<string, int>(r.Schemes?.Rows.Count ?? 0, StringComparer.OrdinalIgnoreCase);
        foreach (var row in r.Schemes?.Rows ?? [])
        {
            if (Off(row.SchemeType, SchemeTypeKeys))
            {
                yield return Invalid(row.SchemeType, "Scheme type", SchemeTypes);
            }

            var id = row.SchemeId.Text?.Trim();
            if (string.IsNullOrEmpty(id) || row.SchemeId.IsMissing)
            {
                continue;
            }

            if (firstRowOfId.TryGetValue(id, out var first))
            {
                yield return Finding.Of(FindingCode.FieldInvalid, row.SchemeId.Sheet, row.SchemeId.Cell,
                    $"Scheme ID '{id}' is used twice (rows {first + 1} and {row.Row + 1}); each scheme needs its own ID.");
            }
            else
            {
                firstRowOfId[id] = row.Row;
            }
        }

        foreach (var row in r.SignOff?.Rows ?? [])
        {
            if (Off(row.SigningFor, SigningForKeys))
            {
                yield return Invalid(row.SigningFor, "Signing for", SigningFor);
            }
        }

        foreach (var row in r.Conditions?.Rows ?? [])
        {
            if (Off(row.Met, MetKeys))
            {
                yield return Invalid(row.Met, "Met", MetAnswers);
            }
        }
    }

    private static bool Off(CellValue cell, HashSet<string> allowed) => !cell.IsMissing && !allowed.Contains(cell.Key);

    private static Finding Invalid(CellValue cell, string column, IReadOnlyList<string> allowed) =>
        Finding.Of(FindingCode.FieldInvalid, cell.Sheet, cell.Cell,
            $"{column} '{cell.Text}' is not one of: {string.Join(", ", allowed)}.");

    private static HashSet<string> Keys(IEnumerable<string> values) => values.Select(Labels.Normalize).ToHashSet(StringComparer.Ordinal);
}
