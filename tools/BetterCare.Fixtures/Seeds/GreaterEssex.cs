using BetterCare.Workbooks;

namespace BetterCare.Fixtures.Seeds;

/// <summary>
/// Clean returns for the three Greater Essex HWBs (Essex, Southend-on-Sea, Thurrock) in one
/// period, for county and region roll-ups. Southend's figures are its 2017-18 plan's (the
/// iBCF at £3.998M, so its own tables agree); Essex's are its 2016-17 table 7.1, carried to the
/// period asked for; Thurrock's plan has no figures, so its are illustrative. Actuals to date
/// are half the year; every signatory is filled in.
/// </summary>
public static class GreaterEssex
{
    public static IReadOnlyList<ReturnDraft> Returns(string year, string quarter) =>
    [
        Clean("Essex", "E10000012", year, quarter,
        [
            ("Essex County Council", "Local authority", "E10000012", 8_217_000, 0),
            ("North East Essex CCG", "CCG", "06T", 21_307_000, 0),
            ("Mid Essex CCG", "CCG", "06Q", 22_386_000, 0),
            ("West Essex CCG", "CCG", "07H", 18_382_000, 1_088_000),
            ("Basildon and Brentwood CCG", "CCG", "99E", 16_269_000, 0),
            ("Castle Point and Rochford CCG", "CCG", "99F", 11_095_000, 165_000),
        ]),
        Clean("Southend-on-Sea", "E06000033", year, quarter,
        [
            ("Southend CCG", "CCG", "99G", 12_151_000, 0),
            ("Southend-on-Sea Borough Council", "Local authority", "E06000033", 5_297_000, 0),
        ]),
        Clean("Thurrock", "E06000034", year, quarter,
        [
            ("Thurrock CCG", "CCG", "07G", 11_240_000, 250_000),
            ("Thurrock Council", "Local authority", "E06000034", 4_310_000, 0),
        ]),
    ];

    /// <summary>A clean return in pounds: each partner's money spent by two schemes it funds.</summary>
    public static ReturnDraft Clean(string hwbName, string hwbCode, string year, string quarter, IReadOnlyList<(string Name, string Type, string Code, long Minimum, long Additional)> partners)
    {
        var draft = new ReturnDraft
        {
            HwbName = hwbName,
            HwbCode = hwbCode,
            FinancialYear = year,
            Quarter = quarter,
            Units = "£",
            MinimumRequired = (double)partners.Sum(p => p.Minimum),
            TotalAgreed = (double)partners.Sum(p => p.Minimum + p.Additional),
            CompletedBy = $"{hwbName} BCF programme lead",
            Email = $"bcf@{Slug(hwbName)}.example",
            DateCompleted = "20/10/2017",
            Conditions =
            [
                new("Plans to be jointly agreed", "Yes", "Agreed by the HWB."),
                new("NHS contribution to adult social care is maintained in line with inflation", "Yes", "Maintained."),
                new("Agreement to invest in NHS commissioned out-of-hospital services", "Yes", "Invested."),
                new("Managing transfers of care: implement the High Impact Change Model", "Yes", "In place."),
            ],
        };

        var n = 0;
        foreach (var (name, type, code, minimum, additional) in partners)
        {
            var total = minimum + additional;
            draft.Partners.Add(new PartnerDraft(name, type, code, (double)minimum, additional == 0 ? "nil" : (double)additional, (double)total, (double)(total / 2), (double)total));
            var first = total * 3 / 5;
            draft.Schemes.Add(new SchemeDraft($"{hwbCode}-{++n:00}", $"{name}: community services", "Community services", name, name, null, (double)first, (double)(first / 2), (double)first));
            draft.Schemes.Add(new SchemeDraft($"{hwbCode}-{++n:00}", $"{name}: social care", type == "Local authority" ? "Disabled Facilities Grant" : "Social care", name, name, null, (double)(total - first), (double)((total - first) / 2), (double)(total - first)));
            draft.Signatories.Add(new SignatoryDraft(name, type == "Local authority" ? "Council" : type, $"{name} signatory", type == "Local authority" ? "Director of Adult Social Services" : "Accountable Officer", $"signatory.{Slug(name)}@{Slug(hwbName)}.example", null));
        }

        draft.Signatories.Add(new SignatoryDraft($"{hwbName} Health and Wellbeing Board", "Health and Wellbeing Board", $"{hwbName} HWB chair", "Chair, Health and Wellbeing Board", $"hwb.chair@{Slug(hwbName)}.example", null));
        return draft;
    }

    private static string Slug(string text) => string.Concat(text.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit));
}
