using BetterCare.Fixtures.Seeds;
using BetterCare.Workbooks;

namespace BetterCare.Fixtures.Rules;

/// <summary>
/// Rule cases built from the clean North East Lincolnshire return: each changes one thing, so
/// the rule under test is the only one with something to say.
/// </summary>
public static class Nel
{
    public const string Ccg = NorthEastLincolnshire.Ccg;
    public const string Council = NorthEastLincolnshire.Council;

    /// <summary>The clean return with <paramref name="change"/> applied to its content, and optionally to its sheets.</summary>
    public static Case Changed(string fileName, string purpose, Action<ReturnDraft> change, Action<WorkbookDraft>? alter = null) =>
        Case.FromDraft(fileName, purpose, () => Apply(NorthEastLincolnshire.Q2_2017_18(), change), alter);

    /// <summary><see cref="WithAdditional"/> with <paramref name="change"/> applied.</summary>
    public static Case ChangedWithAdditional(string fileName, string purpose, Action<ReturnDraft> change) =>
        Case.FromDraft(fileName, purpose, () => Apply(WithAdditional(), change));

    /// <summary>
    /// Still clean, but each partner's money split into minimum and additional in £m to three
    /// decimals (rounding step £1,000): the CCG 10.312 + 1.088, the council 6.335 + 0.165, so the
    /// additional column sums to 1.253 (£1,253,000). The split is illustrative.
    /// </summary>
    public static ReturnDraft WithAdditional()
    {
        var d = NorthEastLincolnshire.Q2_2017_18();
        d.MinimumRequired = 16.647;
        Partner(d, Ccg, p => p with { Minimum = 10.312, Additional = 1.088 });
        Partner(d, Council, p => p with { Minimum = 6.335, Additional = 0.165 });
        d.PartnerTotals = [16.647, 1.253, 17.9, 9.0, 17.9];
        return d;
    }

    /// <summary>The clean return written in £000s (11,400 for the CCG's £11.4m) with <paramref name="change"/> applied.</summary>
    public static Case ChangedInThousands(string fileName, string purpose, Action<ReturnDraft> change) =>
        Case.FromDraft(fileName, purpose, () => Apply(InThousands(), change));

    /// <summary>Still clean: every figure of the £m return written in £000s, as whole numbers.</summary>
    public static ReturnDraft InThousands()
    {
        var d = NorthEastLincolnshire.Q2_2017_18();
        d.Units = "£000s";
        d.MinimumRequired = K(d.MinimumRequired);
        d.TotalAgreed = K(d.TotalAgreed);
        d.PartnerTotals = d.PartnerTotals?.Select(K).ToArray();
        d.SchemeTotals = d.SchemeTotals?.Select(K).ToArray();
        for (var i = 0; i < d.Partners.Count; i++)
        {
            var p = d.Partners[i];
            d.Partners[i] = p with { Minimum = K(p.Minimum), Additional = K(p.Additional), Total = K(p.Total), ActualToDate = K(p.ActualToDate), Forecast = K(p.Forecast) };
        }

        for (var i = 0; i < d.Schemes.Count; i++)
        {
            var s = d.Schemes[i];
            d.Schemes[i] = s with { Planned = K(s.Planned), ActualToDate = K(s.ActualToDate), Forecast = K(s.Forecast) };
        }

        return d;

        static object? K(object? value) => value is double m ? Math.Round(m * 1000) : value;
    }

    public static void Partner(ReturnDraft d, string name, Func<PartnerDraft, PartnerDraft> change) =>
        Replace(d.Partners, p => p.Name == name, change);

    public static void Scheme(ReturnDraft d, string id, Func<SchemeDraft, SchemeDraft> change) =>
        Replace(d.Schemes, s => s.Id == id, change);

    public static void Signatory(ReturnDraft d, string organisation, Func<SignatoryDraft, SignatoryDraft> change) =>
        Replace(d.Signatories, s => s.Organisation == organisation, change);

    public static void Risk(ReturnDraft d, int index, Func<RiskDraft, RiskDraft> change) => d.Risks![index] = change(d.Risks[index]);

    public static void Condition(ReturnDraft d, int index, Func<ConditionDraft, ConditionDraft> change) =>
        d.Conditions![index] = change(d.Conditions[index]);

    public static void Metric(ReturnDraft d, string metric, Func<MetricDraft, MetricDraft> change) =>
        Replace(d.Metrics!, m => m.Metric == metric, change);

    /// <summary>Writes a partner's name differently everywhere it appears, as a person retyping it would.</summary>
    public static void RenamePartner(ReturnDraft d, string from, string to)
    {
        Partner(d, from, p => p with { Name = to });
        for (var i = 0; i < d.Schemes.Count; i++)
        {
            var s = d.Schemes[i];
            d.Schemes[i] = s with
            {
                FundingPartner = s.FundingPartner == from ? to : s.FundingPartner,
                Commissioner = s.Commissioner == from ? to : s.Commissioner,
            };
        }

        Signatory(d, from, s => s with { Organisation = to });
    }

    public static Action<WorkbookDraft> WithoutSheet(string name) => w => w.Sheets.Remove(w.Sheet(name));

    private static ReturnDraft Apply(ReturnDraft draft, Action<ReturnDraft> change)
    {
        change(draft);
        return draft;
    }

    private static void Replace<T>(List<T> items, Func<T, bool> which, Func<T, T> change)
    {
        var i = items.FindIndex(x => which(x));
        if (i < 0)
        {
            throw new ArgumentException("No such row in the North East Lincolnshire return.", nameof(which));
        }

        items[i] = change(items[i]);
    }
}
