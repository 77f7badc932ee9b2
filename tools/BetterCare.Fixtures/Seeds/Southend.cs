using BetterCare.Workbooks;

namespace BetterCare.Fixtures.Seeds;

/// <summary>
/// Southend-on-Sea 2017-18 (seed 000), money written as the plan writes it ("£12.151M").
/// The council's minimum is DFG £1.299M + iBCF £3.998M (9.1.6) while the pool is stated as
/// £17.439M and the iBCF scheme as £3.988M (6.42): the plan's own disagreement. Only the HWB
/// chair is named in the plan, so the other signatories have no names; actuals to date
/// (half the plan) and the Cover's contact are illustrative.
/// </summary>
public static class Southend
{
    public const string Ccg = "Southend CCG";
    public const string Council = "Southend-on-Sea Borough Council";

    public static ReturnDraft Q2_2017_18() => new()
    {
        HwbName = "Southend-on-Sea",
        HwbCode = "E06000033",
        FinancialYear = "2017-18",
        Quarter = "Quarter 2",
        Units = "£",
        MinimumRequired = "£17.439M",
        TotalAgreed = "£17.439M",
        CompletedBy = "BCF pooled fund manager",
        Email = "bcf@southend.example",
        DateCompleted = "11/09/2017",
        PartnerTotals = null,
        Partners =
        {
            new PartnerDraft(Ccg, "CCG", "99G", "£12.151M", "nil", "£12.151M", "£6.076M", "£12.151M"),
            new PartnerDraft(Council, "Local authority", "E06000033", "£5.297M", "nil", "£5.297M", "£2.649M", "£5.297M"),
        },
        Schemes =
        {
            new SchemeDraft("SOS1", "Disabled Facilities Grant", "Disabled Facilities Grant", Council, Council, null, "£1.299M", "£0.650M", "£1.299M"),
            new SchemeDraft("SOS2", "Commissioning, maintaining and transforming community services", "Community services", Ccg, Ccg, "Southend University Hospital NHS FT; EPUT", "£6.401M", "£3.201M", "£6.401M"),
            new SchemeDraft("SOS3", "Provide, maintain and redesign social care", "Social care", Ccg, Council, null, "£4.274M", "£2.137M", "£4.274M"),
            new SchemeDraft("SOS4", "Reablement and Care Act", "Reablement", Ccg, Council, null, "£1.475M", "£0.738M", "£1.475M"),
            new SchemeDraft("SOS5", "Improved Better Care Fund (iBCF)", "iBCF", Council, Council, null, "£3.988M", "£1.994M", "£3.988M"),
        },
        Signatories =
        {
            new SignatoryDraft(Ccg, "CCG", null, "Accountable Officer", null, null),
            new SignatoryDraft(Council, "Council", null, "Director of Adult Social Care (DASS)", null, null),
            new SignatoryDraft("Southend Health and Wellbeing Board", "Health and Wellbeing Board", "Cllr Lesley Salter", "Chair, Health & Wellbeing Board", null, null),
        },
        Conditions =
        [
            new("Plans to be jointly agreed", "Yes", "Signed off by the Chair and Vice Chair of the HWB, the DASS at SBC and the AO of SCCG."),
            new("NHS contribution to adult social care is maintained in line with inflation", "Yes", "£4.274M in 2017-18, maintained in real terms (+1.79%)."),
            new("Agreement to invest in NHS commissioned out-of-hospital services", "Yes", "Funding committed upfront for out-of-hospital community services."),
            new("Managing transfers of care: implement the High Impact Change Model", "Partially", "A DToC target has been agreed with NHS England; high impact change elements are under development, with investment by the end of Q3 2017-18."),
        ],
        Metrics =
        [
            new("Non-elective admissions", "Admissions", null, null, "Non-elective YTD admissions fell 1.2% from Q1 to Q4 2016-17."),
            new("Admissions to residential and care homes", "Per 100,000 population aged 65+", null, null, "Delivered a reduction in residential care admissions."),
            new("Reablement", "% at home 91 days after discharge", null, null, null),
            new("Delayed transfers of care", "Delayed days per day per 100,000 population", null, 9.2, "February to April 2017; national target approximately 9.4."),
        ],
    };
}
