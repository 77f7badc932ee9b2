using BetterCare.Fixtures.Rules;
using BetterCare.Fixtures.Seeds;
using BetterCare.Workbooks;
using static BetterCare.Fixtures.Rules.Nel;

namespace BetterCare.Fixtures;

/// <summary>
/// Workbooks for the validation rules' tests: the clean North East Lincolnshire return with one
/// thing changed (money in £m, so a figure such as 11.4 carries a rounding step of £100,000).
/// </summary>
public static class RuleCases
{
    public static IReadOnlyList<Case> All { get; } =
    [
        Case.FromDraft("clean-return.xlsx", "North East Lincolnshire 2017-18 Q2, no findings", NorthEastLincolnshire.Q2_2017_18),
        Case.FromDraft("essex-plan-discrepancies.xlsx", "Essex 2016-17 with the plan's own discrepancies (additional column £1,253k against £1,266k)", Essex.Q2_2016_17),

        // Sheets and the Cover
        Changed("sheet-missing-schemes.xlsx", "no Schemes sheet", _ => { }, WithoutSheet("Schemes")),
        Changed("sheet-missing-sign-off.xlsx", "no Sign-off sheet", _ => { }, WithoutSheet("Sign-off")),
        Changed("template-version-unknown.xlsx", "template version BCF-QR-2", d => d.TemplateVersion = "BCF-QR-2"),
        Changed("template-version-missing.xlsx", "template version left blank", d => d.TemplateVersion = null),
        Changed("cover-completed-by-missing.xlsx", "Completed by left blank", d => d.CompletedBy = null),
        Changed("cover-email-placeholder.xlsx", "Cover email still the placeholder <email>", d => d.Email = "<email>"),
        Changed("cover-hwb-code-malformed.xlsx", "HWB code E6000012 (a digit short)", d => d.HwbCode = "E6000012"),
        Changed("cover-quarter-invalid.xlsx", "quarter Q5", d => d.Quarter = "Q5"),
        Changed("cover-year-invalid.xlsx", "financial year 2017-19", d => d.FinancialYear = "2017-19"),
        Changed("column-missing-partner-type.xlsx", "the Contributions header says 'Type of body' instead of 'Partner type'", _ => { }, wb => wb.Sheet("Contributions").Rows[2]![1] = "Type of body"),
        Changed("hwb-unlisted.xlsx", "HWB code E06000013, well formed but not in the reference areas", d => d.HwbCode = "E06000013"),

        // Closed choices and identifiers
        Changed("choice-invalid-scheme-type.xlsx", "scheme NEL05's type is 'Seven day services'", d => Scheme(d, "NEL05", s => s with { Type = "Seven day services" })),
        Changed("choice-invalid-partner-type.xlsx", "the council's partner type is 'Unitary authority'", d => Partner(d, Council, p => p with { Type = "Unitary authority" })),
        Changed("choice-invalid-met.xlsx", "the fourth national condition is met 'Mostly'", d => Condition(d, 3, c => c with { Met = "Mostly" })),
        Changed("scheme-id-duplicate.xlsx", "scheme NEL06 written with NEL05's ID", d => Scheme(d, "NEL06", s => s with { Id = "NEL05" })),
        Changed("metric-not-a-number.xlsx", "the reablement plan is 'top quartile'", d => Metric(d, "Reablement", m => m with { Plan = "top quartile" })),

        // Money cells
        Changed("money-invalid-text.xlsx", "actuals to date written £214,00, 12.3.4 and about 5m", d =>
        {
            Partner(d, Ccg, p => p with { ActualToDate = "£214,00" });
            Scheme(d, "NEL01", s => s with { ActualToDate = "12.3.4" });
            Scheme(d, "NEL02", s => s with { ActualToDate = "about 5m" });
        }),
        Changed("money-negative-not-allowed.xlsx", "the CCG's additional contribution is (0.05)", d => Partner(d, Ccg, p => p with { Additional = "(0.05)" })),
        Changed("money-negative-actual-allowed.xlsx", "scheme NEL09's actual to date is (0.1), a refund; the Total row follows", d =>
        {
            Scheme(d, "NEL09", s => s with { ActualToDate = "(0.1)" });
            d.SchemeTotals = [17.9, 6.8, 17.9];
        }),
        Changed("money-over-100m.xlsx", "the CCG's actual to date is 105.7 (£105.7m); the Total row follows", d =>
        {
            Partner(d, Ccg, p => p with { ActualToDate = 105.7 });
            d.PartnerTotals = [17.9, "nil", 17.9, 109.0, 17.9];
        }),
        Changed("money-tbc.xlsx", "actuals to date TBC, £TBCM, n/a and blank", d =>
        {
            Partner(d, Ccg, p => p with { ActualToDate = "TBC" });
            Scheme(d, "NEL01", s => s with { ActualToDate = "£TBCM" });
            Scheme(d, "NEL02", s => s with { ActualToDate = "n/a" });
            Scheme(d, "NEL03", s => s with { ActualToDate = null });
        }),

        // Units that disagree
        ChangedInThousands("units-cover-in-pounds.xlsx", "a £000s return whose Cover writes the minimum and the total in pounds, £17,900,000", d =>
        {
            d.MinimumRequired = "£17,900,000";
            d.TotalAgreed = "£17,900,000";
        }),
        ChangedInThousands("units-column-in-pounds.xlsx", "a £000s return whose Contributions' Actual to date column (and its Total row) is written in pounds", d =>
        {
            Partner(d, Ccg, p => p with { ActualToDate = 5_700_000d });
            Partner(d, Council, p => p with { ActualToDate = 3_300_000d });
            d.PartnerTotals![3] = 9_000_000d;
        }),
        Changed("units-one-figure-in-pounds.xlsx", "a £m return with scheme NEL01's planned spend written in pounds, 3200000", d =>
            Scheme(d, "NEL01", s => s with { Planned = 3_200_000d })),
        Changed("units-plausible-as-stated.xlsx", "the Contributions header says (£), so its figures are pence-sized; the Cover's 17.9 (£m) stays as stated though £17.90 would match", d =>
            d.ContributionUnits = "£"),
        Changed("units-implausible-in-every-unit.xlsx", "scheme NEL01's planned spend is 250,000,000,000: over the limit in £m, £000s and £", d =>
            Scheme(d, "NEL01", s => s with { Planned = "250,000,000,000" })),
        Case.FromDraft("essex-mixed-units.xlsx", "Essex 2016-17 with Units £000s: the Cover in pounds, the tables in £000s, the districts' DFG in pounds", Essex.Q2_2016_17_MixedUnits),

        // Totals
        Changed("partner-total-mismatch.xlsx", "the CCG adds 0.5 additional but its total stays 11.4; the Total row follows the column", d =>
        {
            Partner(d, Ccg, p => p with { Additional = 0.5 });
            d.PartnerTotals = [17.9, 0.5, 17.9, 9.0, 17.9];
        }),
        Case.FromDraft("additional-contributions-clean.xlsx", "clean, with additional contributions in £m to three decimals", WithAdditional),
        ChangedWithAdditional("column-total-additional-off-by-13k.xlsx", "additional column sums to 1.253 but the Total row states 1.266", d => d.PartnerTotals![1] = 1.266),
        ChangedWithAdditional("column-total-within-rounding.xlsx", "additional Total row states 1.254: £1,000 off, within ±£1,500", d => d.PartnerTotals![1] = 1.254),
        ChangedWithAdditional("column-total-just-beyond-rounding.xlsx", "additional Total row states 1.255: £2,000 off, beyond ±£1,500", d => d.PartnerTotals![1] = 1.255),
        Changed("cover-total-disagrees.xlsx", "Cover's total agreed pooled budget is 18.2", d => d.TotalAgreed = 18.2),
        Changed("cover-minimum-disagrees.xlsx", "Cover's minimum required value is 17.5", d => d.MinimumRequired = 17.5),
        Case.FromDraft("cover-total-typo-pool-meets-minimum.xlsx", "Southend 2017-18 with the Cover's minimum £17.448M: only the stated total £17.439M is off", () =>
        {
            var d = Southend.Q2_2017_18();
            d.MinimumRequired = "£17.448M";
            return d;
        }),
        Changed("pool-below-minimum.xlsx", "Cover's minimum required value is 18.5, above the 17.9 pool", d => d.MinimumRequired = 18.5),
        Changed("partner-below-reference-minimum.xlsx", "the 2017-18 figures returned as 2018-19, whose minimums are £11.6m and £8.2m", d => d.FinancialYear = "2018-19"),
        Changed("partner-unlisted.xlsx", "the CCG written 'NHS North East Lincs CCG' without a code", d =>
        {
            RenamePartner(d, Ccg, "NHS North East Lincs CCG");
            Partner(d, "NHS North East Lincs CCG", p => p with { Code = null });
        }),

        // Schemes
        // Whole numbers such as 1 and 2 in £m carry a £1m step, so scheme spend against the pool
        // is allowed ±£1.45m here; these cases are well beyond it.
        Changed("schemes-overcommitted.xlsx", "a tenth scheme of 2.5 takes planned spend to 20.4 against a 17.9 pool", d =>
        {
            d.Schemes.Add(new SchemeDraft("NEL10", "Winter pressures", "Other", Ccg, Ccg, "Care Plus Group", 2.5, 1.2, 2.5));
            d.SchemeTotals = [20.4, 10.2, 20.4];
        }),
        Changed("schemes-unallocated.xlsx", "the iBCF scheme NEL09 (4.1) left off, leaving planned spend at 13.8", d =>
        {
            d.Schemes.RemoveAll(s => s.Id == "NEL09");
            d.SchemeTotals = [13.8, 6.9, 13.8];
        }),
        Changed("scheme-partner-unknown.xlsx", "scheme NEL03 funded by Lincolnshire County Council, not a partner", d => Scheme(d, "NEL03", s => s with { FundingPartner = "Lincolnshire County Council" })),
        Changed("dfg-pass-through-mismatch.xlsx", "a DFG sheet passing on 1.4 + 0.6 = 2.0 against the 2.4 DFG scheme (districts illustrative)", d =>
        {
            d.Districts = [new DistrictDraft("Grimsby", 1.4), new DistrictDraft("Cleethorpes", 0.6)];
            d.DistrictTotal = 2.0;
        }),
        Changed("dfg-pass-through-agrees.xlsx", "a DFG sheet passing on 1.6 + 0.8 = 2.4, the DFG scheme's plan (districts illustrative)", d =>
        {
            d.Districts = [new DistrictDraft("Grimsby", 1.6), new DistrictDraft("Cleethorpes", 0.8)];
            d.DistrictTotal = 2.4;
        }),
        Changed("forecast-variance.xlsx", "scheme NEL01 forecasts 3.6 against a 3.2 plan (12.5%); the Total row follows", d =>
        {
            Scheme(d, "NEL01", s => s with { Forecast = 3.6 });
            d.SchemeTotals = [17.9, 9.0, 18.3];
        }),
        Changed("forecast-variance-at-5-percent.xlsx", "scheme NEL05 forecasts 1.575 against a 1.5 plan: exactly 5%, beyond rounding", d =>
        {
            Scheme(d, "NEL05", s => s with { Forecast = 1.575 });
            d.SchemeTotals = [17.9, 9.0, 17.975];
        }),
        Changed("forecast-variance-just-over-5-percent.xlsx", "scheme NEL05 forecasts 1.576 against a 1.5 plan: 5.07%", d =>
        {
            Scheme(d, "NEL05", s => s with { Forecast = 1.576 });
            d.SchemeTotals = [17.9, 9.0, 17.976];
        }),
        Changed("ytd-decrease-q3.xlsx", "a Q3 return whose CCG actual to date (5.0) is below Q2's 5.7; the Total row follows", d =>
        {
            d.Quarter = "Q3";
            Partner(d, Ccg, p => p with { ActualToDate = 5.0 });
            d.PartnerTotals = [17.9, "nil", 17.9, 8.3, 17.9];
        }),

        // National conditions and sign-off
        Changed("condition-not-met-with-commentary.xlsx", "the fourth national condition is Partially met, with commentary", d => Condition(d, 3, c => c with { Met = "Partially" })),
        Changed("condition-not-met-without-commentary.xlsx", "the fourth national condition is not met and has no commentary", d => Condition(d, 3, c => c with { Met = "No", Commentary = null })),
        Changed("signatory-placeholder.xlsx", "the CCG's signatory name is still <Name of Signatory>", d => Signatory(d, Ccg, s => s with { Name = "<Name of Signatory>" })),
        Changed("signatory-missing-row.xlsx", "no signatory row for the council", d => d.Signatories.RemoveAll(s => s.Organisation == Council)),
        Changed("signatory-hwb-chair-missing.xlsx", "no signatory row for the Health and Wellbeing Board", d => d.Signatories.RemoveAll(s => s.SigningFor == "Health and Wellbeing Board")),
        Changed("signatory-bad-email.xlsx", "the CCG signatory's email is 'cfo at nelccg.example'", d => Signatory(d, Ccg, s => s with { Email = "cfo at nelccg.example" })),
        Changed("signatory-bad-date.xlsx", "the CCG signatory's date signed is 31/02/2017", d => Signatory(d, Ccg, s => s with { DateSigned = "31/02/2017" })),

        // Risks
        Changed("risk-score-wrong.xlsx", "the first risk's overall is 10, not 3 × 4", d => Risk(d, 0, r => r with { Overall = 10 })),
        Changed("risk-score-out-of-range.xlsx", "the second risk's likelihood is 6 (overall 18 = 6 × 3)", d => Risk(d, 1, r => r with { Likelihood = 6, Overall = 18 })),
        Changed("risk-score-not-a-number.xlsx", "the third risk's impact is 'major'", d => Risk(d, 2, r => r with { Impact = "major" })),
        Changed("risk-duplicate-number.xlsx", "the risks numbered 1, 2, 3, 3, 4, 5", d =>
        {
            string[] numbers = ["1", "2", "3", "3", "4", "5"];
            for (var i = 0; i < numbers.Length; i++)
            {
                Risk(d, i, r => r with { Number = numbers[i] });
            }
        }),
    ];
}
