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
            var sheet = new SheetDraft(SheetName(table.Name)) { ColumnWidths = table.Columns.Select(c => Math.Max(14d, c.Length + 4d)).ToArray() };
            sheet.BoldRows.Add(sheet.AddRow([.. table.Columns]));
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

    private static string SheetName(string view) => view switch
    {
        "hwbs" => "HWBs",
        "partners" => "Partners",
        "schemes" => "Scheme types",
        "totals" => "Totals",
        _ => view,
    };
}
