using BetterCare.Returns.Currency;
using BetterCare.Returns.Model;
using BetterCare.Returns.Reading;

namespace BetterCare.Returns.Parsing;

/// <summary>Turns the sheets read from a workbook into a typed <see cref="QuarterlyReturn"/>. Judges nothing.</summary>
public static class ReturnParser
{
    public static QuarterlyReturn Parse(WorkbookData workbook)
    {
        ArgumentNullException.ThrowIfNull(workbook);
        var coverSheet = workbook.Sheet(TemplateSheet.Cover);
        var cover = coverSheet is null ? null : CoverParser.Parse(coverSheet);
        var units = cover?.Units ?? Units.Pounds;

        return new QuarterlyReturn(
            workbook.FileName,
            workbook.Sheets.Keys.ToHashSet(),
            cover,
            Table(workbook, TemplateSheet.Contributions, Columns.Contributions.All, units, static (t, r) => new PartnerRow(
                r.Index,
                t.Text(r, Columns.Contributions.Partner),
                t.Text(r, Columns.Contributions.PartnerType),
                t.OptionalText(r, Columns.Contributions.PartnerCode),
                t.Money(r, Columns.Contributions.Minimum),
                t.Money(r, Columns.Contributions.Additional),
                t.Money(r, Columns.Contributions.Total),
                t.Money(r, Columns.Contributions.ActualToDate),
                t.Money(r, Columns.Contributions.Forecast))),
            Table(workbook, TemplateSheet.Schemes, Columns.Schemes.All, units, static (t, r) => new SchemeRow(
                r.Index,
                t.Text(r, Columns.Schemes.SchemeId),
                t.Text(r, Columns.Schemes.SchemeName),
                t.Text(r, Columns.Schemes.SchemeType),
                t.Text(r, Columns.Schemes.FundingPartner),
                t.OptionalText(r, Columns.Schemes.Commissioner),
                t.OptionalText(r, Columns.Schemes.Provider),
                t.Money(r, Columns.Schemes.Planned),
                t.Money(r, Columns.Schemes.ActualToDate),
                t.Money(r, Columns.Schemes.Forecast))),
            Table(workbook, TemplateSheet.SignOff, Columns.SignOff.All, units, static (t, r) => new SignatoryRow(
                r.Index,
                t.Text(r, Columns.SignOff.Organisation),
                t.Text(r, Columns.SignOff.SigningFor),
                t.Text(r, Columns.SignOff.Name),
                t.Text(r, Columns.SignOff.Position),
                t.Text(r, Columns.SignOff.Email),
                t.OptionalText(r, Columns.SignOff.DateSigned))),
            Table(workbook, TemplateSheet.NationalConditions, Columns.Conditions.All, units, static (t, r) => new ConditionRow(
                r.Index,
                t.Text(r, Columns.Conditions.Condition),
                t.Text(r, Columns.Conditions.Met),
                t.OptionalText(r, Columns.Conditions.Commentary))),
            Table(workbook, TemplateSheet.Metrics, Columns.Metrics.All, units, static (t, r) => new MetricRow(
                r.Index,
                t.Text(r, Columns.Metrics.Metric),
                t.OptionalText(r, Columns.Metrics.Unit),
                t.Text(r, Columns.Metrics.Plan),
                t.OptionalText(r, Columns.Metrics.Actual),
                t.OptionalText(r, Columns.Metrics.Commentary))),
            Table(workbook, TemplateSheet.Dfg, Columns.Dfg.All, units, static (t, r) => new DistrictRow(
                r.Index,
                t.Text(r, Columns.Dfg.District),
                t.Money(r, Columns.Dfg.Allocation))),
            Table(workbook, TemplateSheet.Risks, Columns.Risks.All, units, static (t, r) => new RiskRow(
                r.Index,
                t.OptionalText(r, Columns.Risks.Number),
                t.Text(r, Columns.Risks.Risk),
                t.Text(r, Columns.Risks.Likelihood),
                t.Text(r, Columns.Risks.Impact),
                t.Text(r, Columns.Risks.Overall),
                t.OptionalText(r, Columns.Risks.Mitigation),
                t.OptionalText(r, Columns.Risks.Owner))));
    }

    private static Table<TRow>? Table<TRow>(
        WorkbookData workbook, TemplateSheet which, IReadOnlyList<ColumnSpec> columns, Units units, Func<TableParser, SheetRow, TRow> map)
    {
        var sheet = workbook.Sheet(which);
        return sheet is null ? null : TableParser.Locate(sheet, columns, units).Build(map);
    }
}
