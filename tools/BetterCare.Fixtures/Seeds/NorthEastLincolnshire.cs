using BetterCare.Workbooks;

namespace BetterCare.Fixtures.Seeds;

/// <summary>
/// North East Lincolnshire 2017-18 (seed 004): a clean return. Funding from the plan's table
/// (£'m to one decimal: CCG 11.4; council DFG 2.4 + iBCF 4.1; minimum 17.9). The plan gives
/// scheme names but no scheme figures, so the split of the CCG's 11.4 across its schemes is
/// illustrative; actuals to date are half the year and forecasts equal plan, also illustrative.
/// </summary>
public static class NorthEastLincolnshire
{
    public const string Ccg = "North East Lincolnshire CCG";
    public const string Council = "North East Lincolnshire Council";

    public static ReturnDraft Q2_2017_18() => new()
    {
        HwbName = "North East Lincolnshire",
        HwbCode = "E06000012",
        FinancialYear = "2017-18",
        Quarter = "Q2",
        Units = "£m",
        MinimumRequired = 17.9,
        TotalAgreed = 17.9,
        CompletedBy = "BCF programme lead, NELCCG",
        Email = "bcf.lead@nelccg.example",
        DateCompleted = "11/09/2017",
        PartnerTotals = [17.9, "nil", 17.9, 9.0, 17.9],
        SchemeTotals = [17.9, 9.0, 17.9],
        Partners =
        {
            new PartnerDraft(Ccg, "CCG", "03H", 11.4, "nil", 11.4, 5.7, 11.4),
            new PartnerDraft(Council, "Local authority", "E06000012", 6.5, "nil", 6.5, 3.3, 6.5),
        },
        Schemes =
        {
            new SchemeDraft("NEL01", "Intermediate care", "Community services", Ccg, Ccg, "Care Plus Group", 3.2, 1.6, 3.2),
            new SchemeDraft("NEL02", "Re-ablement", "Reablement", Ccg, Ccg, "Care Plus Group", 2.1, 1.0, 2.1),
            new SchemeDraft("NEL03", "Care Act duties", "Care Act duties", Ccg, Council, "Focus CIC", 1.0, 0.5, 1.0),
            new SchemeDraft("NEL04", "Carers' breaks", "Carers' breaks", Ccg, Council, "Carers Support Centre", 0.4, 0.2, 0.4),
            new SchemeDraft("NEL05", "Seven day services", "Community services", Ccg, Ccg, "Northern Lincolnshire and Goole NHS FT", 1.5, 0.8, 1.5),
            new SchemeDraft("NEL06", "Single point of access", "Community services", Ccg, Ccg, "Care Plus Group", 1.2, 0.6, 1.2),
            new SchemeDraft("NEL07", "Support to care homes", "Social care", Ccg, Council, "Navigo", 2.0, 1.0, 2.0),
            new SchemeDraft("NEL08", "Disabled Facilities Grant", "Disabled Facilities Grant", Council, Council, "NELC housing", 2.4, 1.2, 2.4),
            new SchemeDraft("NEL09", "iBCF: stabilising the domiciliary care market", "iBCF", Council, Council, "Domiciliary care providers", 4.1, 2.1, 4.1),
        },
        Signatories =
        {
            new SignatoryDraft(Ccg, "CCG", "NELCCG Chief Finance Officer", "Chief Finance Officer and pooled budget manager", "cfo@nelccg.example", "11/09/2017"),
            new SignatoryDraft(Council, "Council", "NELC Director of Adult Services", "Director of Adult Services (joint post, NELC and NELCCG)", "das@nelc.example", "11/09/2017"),
            new SignatoryDraft("North East Lincolnshire Health and Wellbeing Board", "Health and Wellbeing Board", "HWB Chair", "Chair, Health and Wellbeing Board", "hwb.chair@nelc.example", "11/09/2017"),
        },
        Conditions =
        [
            new("Plans to be jointly agreed", "Yes", "Agreed within the integrated management arrangements between NELC and NELCCG; signed off by the HWB on 11 09 2017."),
            new("NHS contribution to adult social care is maintained in line with inflation", "Yes", "The partners have pooled significantly more than the BCF minimum contribution."),
            new("Agreement to invest in NHS commissioned out-of-hospital services", "Yes", "Invested in intermediate care."),
            new("Managing transfers of care: implement the High Impact Change Model", "Yes", "Most changes partially implemented, not all fully embedded; DToC plan in place."),
        ],
        Metrics =
        [
            new("Non-elective admissions", "Admissions", null, null, "Lowest (best) quartile nationally."),
            new("Admissions to residential and care homes", "Per 100,000 population aged 65+", null, null, "Trajectory set to maintain current levels."),
            new("Reablement", "% at home 91 days after discharge", "88.6%", null, "Maintain top-quartile performance at 88.6% or above."),
            new("Delayed transfers of care", "Delayed days per 100,000 population", null, null, "Three-year trajectory of a 20% reduction in DToC bed days from April 2016."),
        ],
        Risks =
        [
            new(null, "We are unable to offer sufficient re-ablement capacity to meet demand", 3, 4, 12, "Monitor capacity through the single point of access.", null),
            new(null, "Our current top quartile re-ablement performance worsens", 3, 3, 9, "Review the re-ablement pathway quarterly.", null),
            new(null, "Delayed transfers of care: current performance worsens", 3, 4, 12, "Implement the High Impact Change Model.", null),
            new(null, "Delayed transfers of care: we are unable to reach the target we have set", 2, 3, 6, "Weekly system DToC review.", null),
            new(null, "Risk to commissioners of non-achievement of financial plan within agreed timescales", 3, 5, 15, "Monthly budget monitoring by the pooled budget manager.", null),
            new(null, "Partnership working does not develop the maturity required to deliver system benefits", null, null, null, "Union board oversight.", null),
        ],
    };
}
