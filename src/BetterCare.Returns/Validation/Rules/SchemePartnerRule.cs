using BetterCare.Returns.Findings;
using BetterCare.Returns.Model;

namespace BetterCare.Returns.Validation.Rules;

/// <summary>SCHEME-PARTNER-UNKNOWN: a scheme's funding partner is neither a partner name nor a partner code in Contributions.</summary>
public sealed class SchemePartnerRule : IValidationRule
{
    public IReadOnlyList<FindingCode> Emits { get; } = [FindingCode.SchemePartnerUnknown];

    public IEnumerable<Finding> Check(ValidationContext context)
    {
        var partners = context.Return.Contributions?.Rows;
        if (partners is null || partners.Count == 0)
        {
            yield break;
        }

        foreach (var scheme in context.Return.Schemes?.Rows ?? [])
        {
            var funder = scheme.FundingPartner;
            if (funder.IsMissing || Names(funder, partners))
            {
                continue;
            }

            yield return Finding.Of(FindingCode.SchemePartnerUnknown, funder.Sheet, funder.Cell,
                $"Scheme {scheme.SchemeId.Text} is funded by '{funder.Text}', which is not a partner in Contributions " +
                $"(partners: {string.Join(", ", partners.Select(p => p.Name).Where(n => n.Length > 0))}).");
        }
    }

    private static bool Names(CellValue funder, IReadOnlyList<PartnerRow> partners)
    {
        for (var i = 0; i < partners.Count; i++)
        {
            if (ValidationContext.Names(funder, partners[i]))
            {
                return true;
            }
        }

        return false;
    }
}
