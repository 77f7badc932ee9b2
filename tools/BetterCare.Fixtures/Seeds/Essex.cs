using BetterCare.Workbooks;

namespace BetterCare.Fixtures.Seeds;

/// <summary>
/// Essex 2016-17 (seed 001), with the plan's own discrepancies kept: the cover's minimum
/// (£97,665,713) and total (£98,905,799) against table 7.1 (£000s), the additional column
/// (£1,253k against a stated £1,266k), table 7.2.5's repeated £13,095, the duplicated risk
/// number 3, and sign-off placeholders. Scheme rows are table 7.2's partner lines; actuals to
/// date (half the plan) and the contact on the Cover are illustrative, since a plan has none.
/// </summary>
public static class Essex
{
    public const string Ecc = "Essex County Council";
    public const string Nee = "North East Essex CCG";
    public const string Me = "Mid Essex CCG";
    public const string We = "West Essex CCG";
    public const string Bb = "Basildon and Brentwood CCG";
    public const string Cpr = "Castle Point and Rochford CCG";

    private static readonly (string Id, string Partner)[] Ccgs = [("NEE", Nee), ("ME", Me), ("WE", We), ("BB", Bb), ("CPR", Cpr)];

    public static ReturnDraft Q2_2016_17()
    {
        var draft = new ReturnDraft
        {
            HwbName = "Essex",
            HwbCode = "E10000012",
            FinancialYear = "2016/17",
            Quarter = "Q2",
            Units = "£",
            MinimumRequired = "£97,665,713",
            TotalAgreed = "£98,905,799",
            CompletedBy = "Essex BCF programme team",
            Email = "bcf.programme@essex.example",
            DateCompleted = "21/03/2016",
            ContributionUnits = "£000's",
            SchemeUnits = "£000's",
            PartnerTotals = ["£97,656", "£1,266", "£98,909"],
            SchemeTotals = ["£97,079.6"],
            Partners =
            {
                new PartnerDraft(Ecc, "Local authority", "E10000012", "£8,217", "nil", "£8,217", 4108, "£8,217"),
                new PartnerDraft(Nee, "CCG", "06T", "£21,307", "nil", "£21,307", 10653, "£21,307"),
                new PartnerDraft(Me, "CCG", "06Q", "£22,386", "nil", "£22,386", 11193, "£22,386"),
                new PartnerDraft(We, "CCG", "07H", "£18,382", "£1,088", "£19,470", 9735, "£19,470"),
                new PartnerDraft(Bb, "CCG", "99E", "£16,269", "nil", "£16,269", 8134, "£16,269"),
                new PartnerDraft(Cpr, "CCG", "99F", "£11,095", "£165", "£11,261", 5630, "£11,261"),
            },
            Districts =
            [
                new("Basildon", "£989,257"), new("Braintree", "£730,156"), new("Brentwood", "£290,073"),
                new("Castle Point", "£579,533"), new("Chelmsford", "£755,993"), new("Colchester", "£994,045"),
                new("Epping Forest", "£664,970"), new("Harlow", "£615,382"), new("Maldon", "£420,343"),
                new("Rochford", "£374,747"), new("Tendring", "£1,636,940"), new("Uttlesford", "£165,868"),
            ],
            Conditions =
            [
                new("Plans to be jointly agreed", "Yes", "Approved by all CCGs, Essex County Council and the Health and Wellbeing Board."),
                new("Maintain provision of social care services", "Yes", "Maintains investment in social services as in the 2015/16 plan (£43.8m in 2016/17)."),
                new("Agreement for the delivery of 7-day services across health and social care", "Yes", "In place since January 2016 across all settings."),
                new("Better data sharing between health and social care, based on the NHS number", "Yes", "Met all aspects of the data sharing condition in 2015/16."),
                new("Ensure a joint approach to assessments and care planning, with an accountable professional", "Partially", "Begun in all CCG localities from Q3 2015/16; full implementation expected from Q2 2016/17."),
                new("Agreement on the consequential impact of the changes on the providers that are predicted to be affected", "No", "This section is yet to be completed; it will be completed for the final plan on 25th April 2016."),
                new("Agreement to invest in NHS commissioned out-of-hospital services", "Yes", "It is intended to repeat the 2015/16 arrangement for the 2016/17 BCF."),
                new("Agreement on a local target for Delayed Transfers of Care and a joint local action plan", "Partially", "There is no single Delayed Transfer of Care plan for Essex; locality DTOC plans will be described in the final plan."),
            ],
            Metrics =
            [
                new("Non-elective admissions", "Admissions", null, null, "We do not recognise the NEL data published in the template and are unable to offer a target for 2016/17."),
                new("Admissions to residential and care homes", "Per 100,000 population aged 65+", 566, null, "Maintaining current performance."),
                new("Reablement", "% at home 91 days after discharge", "82.1%", null, "In line with the 2014/15 actual and 2015/16 forecast."),
                new("Delayed transfers of care", "Delayed days per 100,000 population", null, null, "To be completed for the final version of the plan."),
            ],
            Risks = Risks(),
        };

        AddSchemes(draft, "1", "Provision of Social Care", "Social care", ["£6,174.2", "£7,408.7", "£5,731.8", "£4,937.4", "£3,347.6"]);
        AddSchemes(draft, "2", "Care Act", "Care Act duties", ["£833", "£824", "£696", "£624", "£427"]);
        AddSchemes(draft, "3", "Support for Carers / Carers Breaks", "Carers' breaks", ["£210", "£151", "£186", "nil", "£50"]);
        AddSchemes(draft, "4", "Reablement", "Reablement", ["£975", "£887", "£721", "£773", "£688"]);
        AddSchemes(draft, "5", "Community Services (including DTOC plans)", "Community services", ["£13,095", "£13,095", "£12,098", "£9917", "£6730"]);
        draft.Schemes.Add(new SchemeDraft("6-ECC", "Disabled Facilities Grants", "Disabled Facilities Grant", Ecc, Ecc, "District, borough and city councils", "£8,217", 4108.5, "£8,217"));

        foreach (var (_, partner) in Ccgs)
        {
            draft.Signatories.Add(new SignatoryDraft(partner, "CCG", "<Name of Signatory>", "<Job Title>", null, "<date>"));
        }

        draft.Signatories.Add(new SignatoryDraft(Ecc, "Council", "<Name of Signatory>", "<Job Title>", null, "<date>"));
        draft.Signatories.Add(new SignatoryDraft("Essex Health & Wellbeing Board", "Health and Wellbeing Board", "<Name of Signatory>", null, null, "<date>"));
        return draft;
    }

    /// <summary>
    /// The same plan as the Essex team might have returned it with <c>Units: £000s</c> on the
    /// Cover: the Cover's figures copied from the plan's cover page in pounds, the tables in
    /// £000s without units in their headers, and the districts' DFG allocations in pounds.
    /// </summary>
    public static ReturnDraft Q2_2016_17_MixedUnits()
    {
        var draft = Q2_2016_17();
        draft.Units = "£000s";
        draft.ContributionUnits = null;
        draft.SchemeUnits = null;
        return draft;
    }

    private static void AddSchemes(ReturnDraft draft, string number, string name, string type, string[] perCcg)
    {
        for (var i = 0; i < Ccgs.Length; i++)
        {
            var (id, partner) = Ccgs[i];
            var planned = perCcg[i];
            var half = planned == "nil" ? 0d : Math.Round(double.Parse(planned.TrimStart('£').Replace(",", string.Empty, StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture) / 2, 1);
            draft.Schemes.Add(new SchemeDraft($"{number}-{id}", $"{name} ({id}CCG)", type, partner, partner, null, planned, half, planned));
        }
    }

    private static List<RiskDraft> Risks() =>
    [
        new("1.", "It is not possible to contain non-elective admissions within agreed target.", 4, 5, 20, "CCGs and their system partners have detailed project plans for frailty pathway schemes.", "Financial – CCGs; hospital flow – SRG partners"),
        new("2.", "Acute sector cannot reduce costs in response to reduced activity.", 4, 5, 20, "CCGs are working closely with their local acute provider to model the expected financial impact.", "Acute providers (and therefore CCG commissioners)"),
        new("3.", "System unable to reduce DTOCs in line with plans.", 4, 5, 20, "SRG system partners have detailed project plans for reducing DTOCs.", "SRG partners"),
        new("3.", "Lack of capacity in primary care to support service delivery.", 4, 4, 16, "Close working with NHSE to identify capacity issues and mitigation plans.", "NHSE and CCGs"),
        new("4.", "There is insufficient funding to protect social care services.", 3, "5 Risk falls upon both ECC and health partners", 15, "£3.3m of additional PoSC funding available; ECC is underwriting the financial risk.", "ECC; health partners where demand defaults to NHS"),
        new("5.", "Healthcare and local sustainability services cannot be contained within agreed budget.", 3, 5, 15, "Operation of existing financial control and reporting arrangements.", "CCGs"),
        new("6.", "The Care Act will lead to a significant, but as yet unknown, increase in the cost of care.", 3, "5 £3.4m cost to be funded from the BCF", 15, "£3m of funding held in reserves.", "ECC; demand impact – CCGs, acute, community and voluntary sector providers"),
        new("7.", "The emerging vision for services will see significant shifts in activity across providers.", 3, "4 Provider capacity issues", 12, "Community and acute providers are integral to the pathway transformation projects.", "All system partners"),
        new("8.", "Existing contract portfolio exists across county and unitary boundaries (Southend and Thurrock).", 4, "3 Destabilises existing providers and services", 12, "Work commenced on identifying CCG-specific activity and cost at service level.", "BBCCG, CP&RCCG and ECC"),
        new("9.", "Barriers to implementation and/or monitoring due to information governance issues.", 3, 4, 12, "Whole Essex Information Sharing framework agreed in 2014.", "CCGs and ECC"),
        new("10.", "Stakeholders are not kept informed and/or are unclear on the BCF impact.", 3, 4, 12, "BCF activity is monitored by the Health and Wellbeing Board.", "CCGs and ECC"),
        new("11.", "Unplanned cost increases as a result of 7 day working.", 3, 3, 9, "Secure efficiencies through admission avoidance.", "CCGs, ECC and providers"),
        new("12.", "Staff not available or willing to work over weekends.", 3, 3, 9, "Use workforce redesign techniques and continue to work with HEEoE.", "Providers (and commissioners if it leads to a cost pressure)"),
        new("13.", "There are material delays in the payment of providers through the BCF.", 3, 3, 9, "For 2016/17 payment arrangements will be simplified.", "Reputational – ECC and CCGs"),
        new("14.", "BCF footprint is not adjusted to align with STP planning footprints.", 3, 3, 9, "Discussions needed with NHSE to clarify future BCF/STP alignment.", "NEECCG and ECC"),
        new("15.", "There will not be arrangements in place to ensure the BCF pooled fund is managed equitably.", 2, 4, 8, "HWB governance arrangements developed.", "CCGs and ECC"),
        new("16.", "Lack of transparency surrounding expenditure by all partners.", 2, 3, 6, "Reporting has been developed by all partners.", "CCGs and ECC"),
        new("17.", "System unable to establish/maintain necessary pace across all providers.", 2, 3, 6, "Implement CQUIN with acute and community providers.", "CCGs and ECC"),
        new("18.", "Administrative arrangements for the pool have adverse cash flow consequences.", 1, 2, 2, "Detailed cashflow plans are agreed.", "Mainly ECC but some residual CCG risk"),
        new("19.", "Where ECC is the host commissioner, CCGs do not have assurance from ECC.", 1, 2, 2, "Results of the ECC internal audit of the BCF should provide assurance.", "Mainly ECC but some residual CCG risk"),
    ];
}
