using BetterCare.Workbooks;

namespace BetterCare.App.Exports;

/// <summary>The views as an Excel workbook, a sheet per view: money as numbers with a currency format, text neutralised.</summary>
public static class ExcelExport
{
    public static byte[] Write(IEnumerable<ExportTable> tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        var workbook = new WorkbookDraft();
        foreach (var table in tables)
        {
            var headers = table.Columns.Select(Words).ToArray();
            var sheet = new SheetDraft(SheetName(table.Name))
            {
                ColumnWidths = headers.Select(h => Math.Max(14d, h.Length + 4d)).ToArray(),
                FrozenRows = 1,
                Filter = true,
            };
            sheet.BoldRows.Add(sheet.AddRow([.. headers]));
            foreach (var row in table.Rows)
            {
                sheet.AddRow(row.Select(Cell).ToArray());
            }

            workbook.Sheets.Add(sheet);
        }

        return WorkbookWriter.ToBytes(workbook);
    }

    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static object? Cell(object? value) => value switch
    {
        null => null,
        AggregateTables.Money m => new Currency(m.Pounds),
        long n => (double)n,
        _ => SafeText.Neutralise(value.ToString()),
    };

    /// <summary>A column's header in words: <c>hwb_code</c> as "HWB code", <c>ccg_icb_pool</c> as "CCG/ICB pool".</summary>
    public static string Words(string column)
    {
        ArgumentNullException.ThrowIfNull(column);
        var words = column.Split('_').Select(w => w switch
        {
            "hwb" => "HWB",
            "hwbs" => "HWBs",
            "ccg" => "CCG",
            "icb" => "ICB",
            _ => w,
        });
        var text = string.Join(' ', words).Replace("CCG ICB", "CCG/ICB", StringComparison.Ordinal);
        return char.ToUpperInvariant(text[0]) + text[1..];
    }

    private static string SheetName(string view) => view switch
    {
        "hwbs" => "HWBs",
        "partners" => "Partners",
        "schemes" => "Scheme types",
        "totals" => "Totals",
        _ => view,
    };
}
