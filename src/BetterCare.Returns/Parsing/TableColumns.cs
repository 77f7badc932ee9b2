using BetterCare.Returns.Currency;
using BetterCare.Returns.Model;
using BetterCare.Returns.Reading;

namespace BetterCare.Returns.Parsing;

/// <summary>
/// Where a table's columns are, found from its header row, and their cells read from a data
/// row. Money columns take their units from the header when it names them (<c>(£000's)</c>),
/// else from the workbook's.
/// </summary>
internal sealed class TableColumns
{
    private readonly string _sheet;
    private readonly Dictionary<ColumnSpec, Found> _found;

    private TableColumns(string sheet, TableLayout layout, Dictionary<ColumnSpec, Found> found)
    {
        _sheet = sheet;
        Layout = layout;
        _found = found;
    }

    public TableLayout Layout { get; }

    /// <summary>No header row: every required column is missing.</summary>
    public static TableColumns NotFound(string sheet, IReadOnlyList<ColumnSpec> columns) =>
        new(sheet, new TableLayout(sheet, null, columns.Where(c => c.Required).Select(c => c.Header).ToList()), []);

    /// <summary>The columns <paramref name="header"/> names; each cell is taken by the first column it matches that is not yet found.</summary>
    public static TableColumns FromHeader(string sheet, IReadOnlyList<ColumnSpec> columns, SheetRow header, Units workbookUnits)
    {
        var found = new Dictionary<ColumnSpec, Found>();
        for (var c = 0; c < header.Cells.Length; c++)
        {
            if (header.Cells[c] is not string text)
            {
                continue;
            }

            var key = Labels.Normalize(text);
            foreach (var column in columns)
            {
                if (!found.ContainsKey(column) && column.Matches(key))
                {
                    var fromHeader = UnitsText.TryFromHeader(text, out var own);
                    found[column] = new Found(c, new ColumnUnits(fromHeader ? own : workbookUnits, fromHeader), new TextPool());
                    break;
                }
            }
        }

        var missing = columns.Where(c => c.Required && !found.ContainsKey(c)).Select(c => c.Header).ToList();
        var firstCell = Array.FindIndex(header.Cells, x => !Labels.IsBlank(x));
        return new TableColumns(sheet, new TableLayout(sheet, CellRef.Of(header.Index, Math.Max(0, firstCell)), missing), found);
    }

    /// <summary>How many cells of <paramref name="row"/> name a required column: a header row names them all.</summary>
    public static int CountRequiredMatches(SheetRow row, IReadOnlyList<ColumnSpec> columns)
    {
        var matches = 0;
        foreach (var cell in row.Cells)
        {
            if (cell is not string text || text.Length > 80)
            {
                continue;
            }

            var key = Labels.Normalize(text);
            foreach (var column in columns)
            {
                if (column.Required && column.Matches(key))
                {
                    matches++;
                    break;
                }
            }
        }

        return matches;
    }

    public bool Has(ColumnSpec column) => _found.ContainsKey(column);

    public CellValue Text(SheetRow row, ColumnSpec column) =>
        _found.TryGetValue(column, out var at)
            ? at.Texts.Cell(_sheet, new CellAddress(row.Index, at.Index), row[at.Index])
            : new CellValue(_sheet, new CellAddress(row.Index, 0), null);

    public CellValue? OptionalText(SheetRow row, ColumnSpec column) => Has(column) ? Text(row, column) : null;

    public MoneyCell Money(SheetRow row, ColumnSpec column) =>
        _found.TryGetValue(column, out var at)
            ? new MoneyCell(_sheet, new CellAddress(row.Index, at.Index), column.Header, MoneyParser.Read(row[at.Index], at.Units.Units))
            : new MoneyCell(_sheet, new CellAddress(row.Index, 0), column.Header, MoneyReading.Blank);

    /// <summary>The units of each money column found.</summary>
    public IReadOnlyDictionary<string, ColumnUnits> MoneyUnits() =>
        _found.Where(f => f.Key.IsMoney).ToDictionary(f => f.Key.Header, f => f.Value.Units, StringComparer.Ordinal);

    /// <summary>A column found in the header: its position, the units of its money, and the texts it repeats.</summary>
    private readonly record struct Found(int Index, ColumnUnits Units, TextPool Texts);
}
