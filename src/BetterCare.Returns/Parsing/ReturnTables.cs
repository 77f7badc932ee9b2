using BetterCare.Returns.Currency;
using BetterCare.Returns.Model;

namespace BetterCare.Returns.Parsing;

/// <summary>The tables of template BCF-QR-1: each one's columns, and the typed row each data row makes.</summary>
internal static class ReturnTables
{
    public static TableParser<PartnerRow> Contributions(string sheet, Units? units, int expectedRows) =>
        new(sheet, Columns.Contributions.All, static (t, r) => new PartnerRow(
            r.Index,
            t.Text(r, Columns.Contributions.Partner),
            t.Text(r, Columns.Contributions.PartnerType),
            t.OptionalText(r, Columns.Contributions.PartnerCode),
            t.Money(r, Columns.Contributions.Minimum),
            t.Money(r, Columns.Contributions.Additional),
            t.Money(r, Columns.Contributions.Total),
            t.Money(r, Columns.Contributions.ActualToDate),
            t.Money(r, Columns.Contributions.Forecast)), units, expectedRows);

    public static TableParser<SchemeRow> Schemes(string sheet, Units? units, int expectedRows) =>
        new(sheet, Columns.Schemes.All, static (t, r) => new SchemeRow(
            r.Index,
            t.Text(r, Columns.Schemes.SchemeId),
            t.Text(r, Columns.Schemes.SchemeName),
            t.Text(r, Columns.Schemes.SchemeType),
            t.Text(r, Columns.Schemes.FundingPartner),
            t.OptionalText(r, Columns.Schemes.Commissioner),
            t.OptionalText(r, Columns.Schemes.Provider),
            t.Money(r, Columns.Schemes.Planned),
            t.Money(r, Columns.Schemes.ActualToDate),
            t.Money(r, Columns.Schemes.Forecast)), units, expectedRows);

    public static TableParser<SignatoryRow> SignOff(string sheet, Units? units, int expectedRows) =>
        new(sheet, Columns.SignOff.All, static (t, r) => new SignatoryRow(
            r.Index,
            t.Text(r, Columns.SignOff.Organisation),
            t.Text(r, Columns.SignOff.SigningFor),
            t.Text(r, Columns.SignOff.Name),
            t.Text(r, Columns.SignOff.Position),
            t.Text(r, Columns.SignOff.Email),
            t.OptionalText(r, Columns.SignOff.DateSigned)), units, expectedRows);

    public static TableParser<ConditionRow> Conditions(string sheet, Units? units, int expectedRows) =>
        new(sheet, Columns.Conditions.All, static (t, r) => new ConditionRow(
            r.Index,
            t.Text(r, Columns.Conditions.Condition),
            t.Text(r, Columns.Conditions.Met),
            t.OptionalText(r, Columns.Conditions.Commentary)), units, expectedRows);

    public static TableParser<MetricRow> Metrics(string sheet, Units? units, int expectedRows) =>
        new(sheet, Columns.Metrics.All, static (t, r) => new MetricRow(
            r.Index,
            t.Text(r, Columns.Metrics.Metric),
            t.OptionalText(r, Columns.Metrics.Unit),
            t.Text(r, Columns.Metrics.Plan),
            t.OptionalText(r, Columns.Metrics.Actual),
            t.OptionalText(r, Columns.Metrics.Commentary)), units, expectedRows);

    public static TableParser<DistrictRow> Dfg(string sheet, Units? units, int expectedRows) =>
        new(sheet, Columns.Dfg.All, static (t, r) => new DistrictRow(
            r.Index,
            t.Text(r, Columns.Dfg.District),
            t.Money(r, Columns.Dfg.Allocation)), units, expectedRows);

    public static TableParser<RiskRow> Risks(string sheet, Units? units, int expectedRows) =>
        new(sheet, Columns.Risks.All, static (t, r) => new RiskRow(
            r.Index,
            t.OptionalText(r, Columns.Risks.Number),
            t.Text(r, Columns.Risks.Risk),
            t.Text(r, Columns.Risks.Likelihood),
            t.Text(r, Columns.Risks.Impact),
            t.Text(r, Columns.Risks.Overall),
            t.OptionalText(r, Columns.Risks.Mitigation),
            t.OptionalText(r, Columns.Risks.Owner)), units, expectedRows);
}
