using System.Globalization;
using BetterCare.Workbooks;

namespace BetterCare.Benchmarks;

/// <summary>
/// The workbooks measured, built in memory from a <see cref="ReturnDraft"/> shaped like the
/// Essex 2016-17 seed: six partners, twelve DFG districts, twenty risks, eight national
/// conditions, four metrics, seven signatories, and money written both as numbers and as text
/// ("£1,234", "nil").
/// </summary>
public static class SampleReturns
{
    public const string Typical = "Typical";
    public const string LargeSchemes = "Schemes9900";

    public const int TypicalSchemes = 40;
    public const int LargeSchemeCount = 9_900;

    private static readonly (string Name, string Type, string Code)[] Partners =
    [
        ("Essex County Council", "Local authority", "E10000012"),
        ("North East Essex CCG", "CCG", "06T"),
        ("Mid Essex CCG", "CCG", "06Q"),
        ("West Essex CCG", "CCG", "07H"),
        ("Basildon and Brentwood CCG", "CCG", "99E"),
        ("Castle Point and Rochford CCG", "CCG", "99F"),
    ];

    private static readonly string[] SchemeTypes =
        ["Social care", "Care Act duties", "Carers' breaks", "Reablement", "Community services", "iBCF", "Other"];

    private static readonly string[] Districts =
    [
        "Basildon", "Braintree", "Brentwood", "Castle Point", "Chelmsford", "Colchester",
        "Epping Forest", "Harlow", "Maldon", "Rochford", "Tendring", "Uttlesford",
    ];

    /// <summary>The .xlsx bytes of the named workbook.</summary>
    public static byte[] Bytes(string which)
    {
        var schemes = which switch
        {
            Typical => TypicalSchemes,
            LargeSchemes => LargeSchemeCount,
            _ => throw new ArgumentOutOfRangeException(nameof(which), which, "Unknown workbook."),
        };

        using var stream = new MemoryStream();
        WorkbookWriter.Write(ReturnWorkbook.Build(Draft(schemes)), stream);
        return stream.ToArray();
    }

    public static ReturnDraft Draft(int schemeCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(schemeCount, 2);
        var draft = new ReturnDraft
        {
            HwbName = "Essex",
            HwbCode = "E10000012",
            FinancialYear = "2016/17",
            Quarter = "Q2",
            Units = "£",
            CompletedBy = "Essex BCF programme team",
            Email = "bcf.programme@essex.example",
            DateCompleted = "21/03/2016",
            Conditions = [],
            Metrics = [],
            Districts = [],
            Risks = [],
        };

        // Contributions: pounds, half of them typed as text; Total rows state their sums.
        long minimums = 0;
        long additionals = 0;
        long totals = 0;
        long actuals = 0;
        for (var i = 0; i < Partners.Length; i++)
        {
            var (name, type, code) = Partners[i];
            long minimum = 8_000_000 + (i * 2_750_000);
            long additional = i % 3 == 0 ? 0 : 150_000 + (i * 10_000);
            var total = minimum + additional;
            minimums += minimum;
            additionals += additional;
            totals += total;
            actuals += total / 2;
            draft.Partners.Add(new PartnerDraft(
                name, type, code, Pounds(minimum, i), additional == 0 ? "nil" : Pounds(additional, i + 1), Pounds(total, i), total / 2, Pounds(total, i + 1)));
        }

        draft.MinimumRequired = Pounds(minimums, 0);
        draft.TotalAgreed = Pounds(totals, 0);
        draft.PartnerTotals = [Pounds(minimums, 1), additionals, Pounds(totals, 1), actuals, Pounds(totals, 1)];

        // Schemes: the pool spread across the partners; the last scheme is the DFG pass-through.
        long dfg = 0;
        var districtAllocations = new long[Districts.Length];
        for (var d = 0; d < Districts.Length; d++)
        {
            districtAllocations[d] = 150_000 + (d * 85_000);
            dfg += districtAllocations[d];
        }

        long plannedSum = 0;
        long actualSum = 0;
        long forecastSum = 0;
        for (var s = 0; s < schemeCount - 1; s++)
        {
            var (partner, _, _) = Partners[s % Partners.Length];
            long planned = 20_000 + ((s * 7_919L) % 900_000);
            var forecast = s is 0 or 11 or 22 ? planned + (planned / 10) : planned;
            plannedSum += planned;
            actualSum += planned / 2;
            forecastSum += forecast;
            draft.Schemes.Add(new SchemeDraft(
                $"S{s + 1:D5}", $"Scheme {s + 1} ({partner})", SchemeTypes[s % SchemeTypes.Length], partner, partner, s % 2 == 0 ? "Provider Ltd" : null,
                Pounds(planned, s), planned / 2, Pounds(forecast, s + 1)));
        }

        draft.Schemes.Add(new SchemeDraft(
            "S-DFG", "Disabled Facilities Grants", "Disabled Facilities Grant", Partners[0].Name, Partners[0].Name,
            "District, borough and city councils", Pounds(dfg, 0), dfg / 2, Pounds(dfg, 1)));
        draft.SchemeTotals = [plannedSum + dfg, Pounds(actualSum + (dfg / 2), 1), forecastSum + dfg];

        for (var d = 0; d < Districts.Length; d++)
        {
            draft.Districts.Add(new DistrictDraft(Districts[d], Pounds(districtAllocations[d], d)));
        }

        draft.DistrictTotal = Pounds(dfg, 0);

        foreach (var (name, type, _) in Partners)
        {
            var signingFor = type == "Local authority" ? "Council" : type;
            draft.Signatories.Add(new SignatoryDraft(name, signingFor, "A. Signatory", "Director", "signatory@essex.example", "21/03/2016"));
        }

        draft.Signatories.Add(new SignatoryDraft("Essex Health & Wellbeing Board", "Health and Wellbeing Board", "B. Chair", "Chair", "hwb.chair@essex.example", "21/03/2016"));

        string[] met = ["Yes", "Yes", "Partially", "Yes", "No", "Yes", "Partially", "Yes"];
        for (var c = 0; c < met.Length; c++)
        {
            draft.Conditions.Add(new ConditionDraft($"National condition {c + 1}", met[c], met[c] == "Yes" ? null : "Plan in progress; expected to be met by the final plan."));
        }

        draft.Metrics.Add(new MetricDraft("Non-elective admissions", "Admissions", 48_210, 23_870, null));
        draft.Metrics.Add(new MetricDraft("Admissions to residential and care homes", "Per 100,000 population aged 65+", 566, 281, "Maintaining current performance."));
        draft.Metrics.Add(new MetricDraft("Reablement", "% at home 91 days after discharge", "82.1%", "80.4%", null));
        draft.Metrics.Add(new MetricDraft("Delayed transfers of care", "Delayed days per 100,000 population", 1_020, 540, null));

        for (var r = 0; r < 20; r++)
        {
            var likelihood = 1 + (r % 5);
            var impact = 1 + ((r * 3) % 5);
            draft.Risks.Add(new RiskDraft(
                $"{r + 1}.", $"Risk {r + 1}: demand for services rises faster than the plan allows.", likelihood, impact, likelihood * impact,
                "Monitored monthly by the joint commissioning board.", "CCGs and ECC"));
        }

        return draft;
    }

    /// <summary>Whole pounds, as a number for even <paramref name="seed"/>s and as text ("£1,234,567") for odd ones.</summary>
    private static object Pounds(long pounds, int seed) =>
        seed % 2 == 0 ? pounds : "£" + pounds.ToString("N0", CultureInfo.InvariantCulture);
}
