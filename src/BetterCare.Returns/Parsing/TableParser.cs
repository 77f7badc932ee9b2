using BetterCare.Returns.Currency;
using BetterCare.Returns.Model;
using BetterCare.Returns.Reading;

namespace BetterCare.Returns.Parsing;

/// <summary>
/// Finds a table on a sheet by its header row, wherever rows and columns were inserted, and
/// hands out its data rows up to a Total row. Money columns take their units from the header
/// when it names them (<c>(£000's)</c>), else from the workbook's.
/// </summary>
internal sealed class TableParser
{
    private readonly SheetData _sheet;
    private readonly IReadOnlyList<ColumnSpec> _columns;
    private readonly Dictionary<ColumnSpec, int> _index = [];
    private readonly Dictionary<ColumnSpec, Units> _units = [];
    private int _headerPosition = -1;

    private TableParser(SheetData sheet, IReadOnlyList<ColumnSpec> columns)
    {
        _sheet = sheet;
        _columns = columns;
    }

    public static TableParser Locate(SheetData sheet, IReadOnlyList<ColumnSpec> columns, Units workbookUnits)
    {
        var parser = new TableParser(sheet, columns);
        parser.FindHeader(workbookUnits);
        return parser;
    }

    public TableLayout Layout { get; private set; } = null!;

    public string Sheet => _sheet.Name;

    public IEnumerable<SheetRow> DataRows
    {
        get
        {
            if (_headerPosition < 0)
            {
                yield break;
            }

            for (var i = _headerPosition + 1; i < _sheet.Rows.Count; i++)
            {
                var row = _sheet.Rows[i];
                if (IsTotalRow(row))
                {
                    yield break;
                }

                yield return row;
            }
        }
    }

    public SheetRow? TotalRow
    {
        get
        {
            if (_headerPosition < 0)
            {
                return null;
            }

            for (var i = _headerPosition + 1; i < _sheet.Rows.Count; i++)
            {
                if (IsTotalRow(_sheet.Rows[i]))
                {
                    return _sheet.Rows[i];
                }
            }

            return null;
        }
    }

    public bool Has(ColumnSpec column) => _index.ContainsKey(column);

    public CellValue Text(SheetRow row, ColumnSpec column)
    {
        var c = _index.GetValueOrDefault(column, -1);
        return c < 0
            ? new CellValue(_sheet.Name, CellRef.Of(row.Index, 0), null)
            : new CellValue(_sheet.Name, CellRef.Of(row.Index, c), row[c]);
    }

    public CellValue? OptionalText(SheetRow row, ColumnSpec column) => Has(column) ? Text(row, column) : null;

    public MoneyCell Money(SheetRow row, ColumnSpec column)
    {
        var c = _index.GetValueOrDefault(column, -1);
        if (c < 0)
        {
            return new MoneyCell(_sheet.Name, CellRef.Of(row.Index, 0), column.Header, MoneyReading.Blank);
        }

        return new MoneyCell(_sheet.Name, CellRef.Of(row.Index, c), column.Header, MoneyParser.Read(row[c], _units[column]));
    }

    public Table<TRow> Build<TRow>(Func<TableParser, SheetRow, TRow> map)
    {
        // One pass for both: the data rows run up to the first Total row (DataRows, TotalRow).
        var rows = new List<TRow>(_headerPosition < 0 ? 0 : _sheet.Rows.Count - _headerPosition - 1);
        SheetRow? total = null;
        for (var i = _headerPosition < 0 ? _sheet.Rows.Count : _headerPosition + 1; i < _sheet.Rows.Count; i++)
        {
            var row = _sheet.Rows[i];
            if (IsTotalRow(row))
            {
                total = row;
                break;
            }

            rows.Add(map(this, row));
        }

        var totals = new Dictionary<string, MoneyCell>(StringComparer.Ordinal);
        if (total is not null)
        {
            foreach (var column in _columns.Where(c => c.IsMoney && Has(c)))
            {
                var cell = Money(total, column);
                if (cell.Reading.Kind != MoneyReadingKind.Missing || cell.Reading.Written.Length > 0)
                {
                    totals[column.Header] = cell;
                }
            }
        }

        return new Table<TRow>(Layout, rows, totals);
    }

    private void FindHeader(Units workbookUnits)
    {
        var required = _columns.Count(c => c.Required);
        var bestMatches = 0;
        var bestPosition = -1;
        for (var i = 0; i < _sheet.Rows.Count; i++)
        {
            var matches = CountRequiredMatches(_sheet.Rows[i]);
            if (matches > bestMatches)
            {
                bestMatches = matches;
                bestPosition = i;
                if (matches == required)
                {
                    break;
                }
            }
        }

        // A row naming fewer than two of the headers is not taken for a header row.
        if (bestPosition < 0 || (bestMatches < 2 && required > 1))
        {
            Layout = new TableLayout(_sheet.Name, null, _columns.Where(c => c.Required).Select(c => c.Header).ToList());
            return;
        }

        _headerPosition = bestPosition;
        var header = _sheet.Rows[bestPosition];
        for (var c = 0; c < header.Cells.Length; c++)
        {
            if (header.Cells[c] is not string text)
            {
                continue;
            }

            var key = Labels.Normalize(text);
            foreach (var column in _columns)
            {
                if (!_index.ContainsKey(column) && column.Matches(key))
                {
                    _index[column] = c;
                    _units[column] = UnitsText.TryFromHeader(text, out var own) ? own : workbookUnits;
                    break;
                }
            }
        }

        var missing = _columns.Where(c => c.Required && !_index.ContainsKey(c)).Select(c => c.Header).ToList();
        var firstCell = Array.FindIndex(header.Cells, x => !Labels.IsBlank(x));
        Layout = new TableLayout(_sheet.Name, CellRef.Of(header.Index, Math.Max(0, firstCell)), missing);
    }

    private int CountRequiredMatches(SheetRow row)
    {
        var matches = 0;
        foreach (var cell in row.Cells)
        {
            if (cell is not string text || text.Length > 80)
            {
                continue;
            }

            var key = Labels.Normalize(text);
            foreach (var column in _columns)
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

    private static bool IsTotalRow(SheetRow row)
    {
        foreach (var cell in row.Cells)
        {
            if (Labels.IsBlank(cell))
            {
                continue;
            }

            return cell is string s && s.Length < 20 && Labels.NormalizesTo(s, "total");
        }

        return false;
    }
}
