using BetterCare.Returns.Model;
using BetterCare.Returns.Reference;

namespace BetterCare.Workbooks;

/// <summary>
/// Makes a blank BCF-QR-1 return for one HWB and period, pre-filled from the reference data:
/// the HWB's name and code, its partners and their minimum contributions, and a signatory
/// row for each partner and the HWB chair.
/// </summary>
public static class TemplateBuilder
{
    /// <summary>The national conditions of the 2016-17 planning guidance.</summary>
    public static readonly IReadOnlyList<string> Conditions2016 =
    [
        "Plans to be jointly agreed",
        "Maintain provision of social care services",
        "Agreement for the delivery of 7-day services across health and social care",
        "Better data sharing between health and social care, based on the NHS number",
        "Ensure a joint approach to assessments and care planning, with an accountable professional",
        "Agreement on the consequential impact of the changes on the providers that are predicted to be affected",
        "Agreement to invest in NHS commissioned out-of-hospital services",
        "Agreement on a local target for Delayed Transfers of Care and a joint local action plan",
    ];

    /// <summary>The national conditions of the 2017-19 integration and BCF policy framework.</summary>
    public static readonly IReadOnlyList<string> Conditions2017 =
    [
        "Plans to be jointly agreed",
        "NHS contribution to adult social care is maintained in line with inflation",
        "Agreement to invest in NHS commissioned out-of-hospital services",
        "Managing transfers of care: implement the High Impact Change Model",
    ];

    public static readonly IReadOnlyList<(string Metric, string Unit)> UsualMetrics =
    [
        ("Non-elective admissions", "Admissions"),
        ("Admissions to residential and care homes", "Per 100,000 population aged 65+"),
        ("Reablement", "% at home 91 days after discharge"),
        ("Delayed transfers of care", "Delayed days per 100,000 population"),
    ];

    public static ReturnDraft Build(ReferenceData reference, string hwbCode, FinancialYear year, Quarter quarter)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var area = reference.Area(hwbCode) ?? throw new ArgumentException($"HWB {hwbCode} is not in the reference areas.", nameof(hwbCode));
        var draft = new ReturnDraft
        {
            HwbName = area.HwbName,
            HwbCode = area.HwbCode,
            FinancialYear = year.ToString(),
            Quarter = quarter.ToString(),
            Units = "£",
            MarkInputs = true,
            SpareRows = 3,
            PartnerTotals = [],
            SchemeTotals = [],
            Conditions = (year.StartYear >= 2017 ? Conditions2017 : Conditions2016).Select(c => new ConditionDraft(c, null, null)).ToList(),
            Metrics = UsualMetrics.Select(m => new MetricDraft(m.Metric, m.Unit, null, null, null)).ToList(),
            Risks = [],
        };

        long minimumTotal = 0;
        var allMinimumsKnown = true;
        foreach (var partner in reference.PartnersOf(area.HwbCode).OrderBy(p => p.Type == "Local authority").ThenBy(p => p.Name, StringComparer.Ordinal))
        {
            var minimum = reference.MinimumFor(year, area.HwbCode, partner.Code)?.Minimum;
            allMinimumsKnown &= minimum is not null;
            minimumTotal += minimum?.Pence / 100 ?? 0;
            draft.Partners.Add(new PartnerDraft(partner.Name, partner.Type, partner.Code, minimum is null ? null : (double)(minimum.Value.Pence / 100), null, null, null, null));
            draft.Signatories.Add(new SignatoryDraft(partner.Name, SigningFor(partner.Type), "<Name of Signatory>", "<Job Title>", "<Email>", null));
        }

        draft.Signatories.Add(new SignatoryDraft($"{area.HwbName} Health and Wellbeing Board", "Health and Wellbeing Board", "<Name of Signatory>", "<Job Title>", "<Email>", null));
        draft.MinimumRequired = allMinimumsKnown && draft.Partners.Count > 0 ? minimumTotal : null;
        // County councils (E10) are two-tier: they pass the DFG on to district councils.
        draft.Districts = area.HwbCode.StartsWith("E10", StringComparison.Ordinal) ? [] : null;
        return draft;
    }

    private static string SigningFor(string partnerType) => partnerType switch
    {
        "CCG" => "CCG",
        "ICB" => "ICB",
        "Local authority" => "Council",
        _ => "Council",
    };
}
