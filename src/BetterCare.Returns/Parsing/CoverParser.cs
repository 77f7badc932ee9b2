using BetterCare.Returns.Currency;
using BetterCare.Returns.Model;
using BetterCare.Returns.Reading;

namespace BetterCare.Returns.Parsing;

/// <summary>Reads the Cover's key–value rows: a label, and its value in the next non-blank cell to the right.</summary>
internal static class CoverParser
{
    private static readonly Dictionary<string, CoverField> LabelKeys = new(StringComparer.Ordinal)
    {
        ["template version"] = CoverField.TemplateVersion,
        ["template"] = CoverField.TemplateVersion,
        ["health and wellbeing board"] = CoverField.HwbName,
        ["hwb"] = CoverField.HwbName,
        ["hwb name"] = CoverField.HwbName,
        ["hwb code"] = CoverField.HwbCode,
        ["health and wellbeing board code"] = CoverField.HwbCode,
        ["financial year"] = CoverField.FinancialYear,
        ["year"] = CoverField.FinancialYear,
        ["quarter"] = CoverField.Quarter,
        ["units"] = CoverField.Units,
        ["minimum required value of pooled budget"] = CoverField.MinimumRequired,
        ["total agreed value of pooled budget"] = CoverField.TotalAgreed,
        ["completed by"] = CoverField.CompletedBy,
        ["email"] = CoverField.Email,
        ["e mail"] = CoverField.Email,
        ["date completed"] = CoverField.DateCompleted,
    };

    public static Cover Parse(SheetData sheet)
    {
        var entries = new Dictionary<CoverField, CoverEntry>();
        foreach (var row in sheet.Rows)
        {
            var labelAt = Array.FindIndex(row.Cells, c => !Labels.IsBlank(c));
            if (labelAt < 0 || row.Cells[labelAt] is not string label || label.Length > 120)
            {
                continue;
            }

            if (!LabelKeys.TryGetValue(Labels.Normalize(label), out var field) || entries.ContainsKey(field))
            {
                continue;
            }

            var valueAt = Array.FindIndex(row.Cells, labelAt + 1, c => !Labels.IsBlank(c));
            var labelCell = new CellValue(sheet.Name, new CellAddress(row.Index, labelAt), label);
            CellValue? value = valueAt < 0 ? null : new CellValue(sheet.Name, new CellAddress(row.Index, valueAt), row.Cells[valueAt]);
            entries[field] = new CoverEntry(label.Trim(), labelCell, value, new CellAddress(row.Index, labelAt + 1));
        }

        var units = UnitsText.TryParse(entries.GetValueOrDefault(CoverField.Units)?.Value?.Text, out var u) ? u : Units.Pounds;
        return new Cover(sheet.Name, entries, units, MoneyOf(sheet, entries, CoverField.MinimumRequired, units), MoneyOf(sheet, entries, CoverField.TotalAgreed, units));
    }

    private static MoneyCell? MoneyOf(SheetData sheet, Dictionary<CoverField, CoverEntry> entries, CoverField field, Units units)
    {
        if (!entries.TryGetValue(field, out var entry))
        {
            return null;
        }

        // A label may carry its own units: "Total agreed value of pooled budget (£000s)".
        var own = UnitsText.TryFromHeader(entry.Label, out var labelUnits) ? labelUnits : units;
        var reading = entry.Value is { } value ? MoneyParser.Read(value.Raw, own) : MoneyReading.Blank;
        return new MoneyCell(sheet.Name, entry.Address, Cover.LabelOf(field), reading);
    }
}
