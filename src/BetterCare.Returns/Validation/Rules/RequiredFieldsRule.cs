using BetterCare.Returns.Findings;
using BetterCare.Returns.Model;
using BetterCare.Returns.Reading;

namespace BetterCare.Returns.Validation.Rules;

/// <summary>
/// FIELD-MISSING: a required Cover label, table column or text value is absent or a
/// placeholder. Money values have their own rules; signatories are SignatoryRule's.
/// </summary>
public sealed class RequiredFieldsRule : IValidationRule
{
    private static readonly CoverField[] RequiredCover =
    [
        CoverField.HwbName, CoverField.HwbCode, CoverField.FinancialYear, CoverField.Quarter, CoverField.Units,
        CoverField.MinimumRequired, CoverField.TotalAgreed, CoverField.CompletedBy, CoverField.Email,
    ];

    public IReadOnlyList<FindingCode> Emits { get; } = [FindingCode.FieldMissing];

    public IEnumerable<Finding> Check(ValidationContext context)
    {
        var r = context.Return;
        if (r.Cover is { } cover)
        {
            foreach (var field in RequiredCover)
            {
                var entry = cover.Entry(field);
                var isMoney = field is CoverField.MinimumRequired or CoverField.TotalAgreed;
                if (entry is null)
                {
                    yield return Missing(cover.SheetName, null, $"The Cover has no '{Cover.LabelOf(field)}' row.");
                }
                else if (!isMoney && entry.Value is not { IsMissing: false })
                {
                    yield return Missing(cover.SheetName, entry.Cell,
                        $"'{entry.Label}' has no value{(entry.Value is { } placeholder ? $" ('{placeholder.Text}' is a placeholder)" : string.Empty)}.");
                }
            }
        }

        foreach (var f in Columns(r.Contributions) ?? []) yield return f;
        foreach (var f in Columns(r.Schemes) ?? []) yield return f;
        foreach (var f in Columns(r.SignOff) ?? []) yield return f;
        foreach (var f in Columns(r.Conditions) ?? []) yield return f;
        foreach (var f in Columns(r.Metrics) ?? []) yield return f;
        foreach (var f in Columns(r.Dfg) ?? []) yield return f;
        foreach (var f in Columns(r.Risks) ?? []) yield return f;

        if (r.Contributions is { Layout.Found: true } contributions)
        {
            if (contributions.Rows.Count == 0)
            {
                yield return Missing(contributions.Sheet, contributions.Layout.HeaderCell, "The Contributions table lists no partners.");
            }

            foreach (var row in contributions.Rows)
            {
                if (Has(contributions, "Partner") && Blank(row.Partner)) yield return Value(row.Partner, "Partner", "partner row");
                if (Has(contributions, "Partner type") && Blank(row.PartnerType)) yield return Value(row.PartnerType, "Partner type", $"partner '{row.Name}'");
            }
        }

        if (r.Schemes is { Layout.Found: true } schemes)
        {
            if (schemes.Rows.Count == 0)
            {
                yield return Missing(schemes.Sheet, schemes.Layout.HeaderCell, "The Schemes table lists no schemes.");
            }

            foreach (var row in schemes.Rows)
            {
                if (Has(schemes, "Scheme ID") && Blank(row.SchemeId)) yield return Value(row.SchemeId, "Scheme ID", $"the scheme in row {row.Row + 1}");
                if (Has(schemes, "Scheme name") && Blank(row.SchemeName)) yield return Value(row.SchemeName, "Scheme name", Which(row));
                if (Has(schemes, "Scheme type") && Blank(row.SchemeType)) yield return Value(row.SchemeType, "Scheme type", Which(row));
                if (Has(schemes, "Funding partner") && Blank(row.FundingPartner)) yield return Value(row.FundingPartner, "Funding partner", Which(row));
            }
        }

        foreach (var row in r.Conditions?.Rows ?? [])
        {
            if (Has(r.Conditions, "Condition") && Blank(row.Condition)) yield return Value(row.Condition, "Condition", $"the condition in row {row.Row + 1}");
            if (Has(r.Conditions, "Met") && Blank(row.Met)) yield return Value(row.Met, "Met", $"condition '{row.Condition.Text}'");
        }

        foreach (var row in r.Metrics?.Rows ?? [])
        {
            if (Has(r.Metrics, "Metric") && Blank(row.Metric)) yield return Value(row.Metric, "Metric", $"the metric in row {row.Row + 1}");
        }

        foreach (var row in r.Dfg?.Rows ?? [])
        {
            if (Has(r.Dfg, "District council") && Blank(row.District)) yield return Value(row.District, "District council", $"the allocation in row {row.Row + 1}");
        }

        foreach (var row in r.Risks?.Rows ?? [])
        {
            if (Has(r.Risks, "Risk") && Blank(row.Risk)) yield return Value(row.Risk, "Risk", $"the risk in row {row.Row + 1}");
        }
    }

    private static bool Blank(CellValue cell) => cell.IsMissing;

    /// <summary>How a finding names a scheme: by its ID, else by its row.</summary>
    private static string Which(SchemeRow row) => row.SchemeId.IsMissing ? $"the scheme in row {row.Row + 1}" : $"scheme {row.SchemeId.Text}";

    /// <summary>A column absent from the header is reported once, by its table; its cells are not then each reported blank.</summary>
    private static bool Has<TRow>(Table<TRow>? table, string column) => table is not null && !table.Layout.MissingColumns.Contains(column);

    private static IEnumerable<Finding>? Columns<TRow>(Table<TRow>? table)
    {
        if (table is null || table.Layout.MissingColumns.Count == 0)
        {
            return null;
        }

        var names = string.Join(", ", table.Layout.MissingColumns.Select(c => $"'{c}'"));
        var message = table.Layout.Found
            ? $"The {table.Sheet} table's header row has no {names} column{(table.Layout.MissingColumns.Count > 1 ? "s" : string.Empty)}."
            : $"No header row found on '{table.Sheet}': expected columns {names}.";
        return [Missing(table.Sheet, table.Layout.HeaderCell, message)];
    }

    private static Finding Value(CellValue cell, string column, string what) =>
        Missing(cell.Sheet, cell.Cell, cell.IsBlank
            ? $"{column} is blank for {what}."
            : $"{column} for {what} is the placeholder '{cell.Text}'.");

    private static Finding Missing(string sheet, string? cell, string message) => Finding.Of(FindingCode.FieldMissing, sheet, cell, message);
}
