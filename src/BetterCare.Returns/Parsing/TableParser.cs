using BetterCare.Returns.Currency;
using BetterCare.Returns.Model;
using BetterCare.Returns.Reading;

namespace BetterCare.Returns.Parsing;

/// <summary>
/// Finds a table on a sheet by its header row, wherever rows and columns were inserted, and
/// turns its data rows, up to a Total row, into typed rows as the sheet's rows come: once the
/// header is certain, a row is kept only as its typed row.
/// </summary>
/// <remarks>
/// The header is the first row that names every required column; failing that, the first of
/// the rows that name the most (at least two), known only at the sheet's end, so the rows after
/// the best so far are held until then. Rows also wait when the workbook's units are not yet
/// known (a table read before the Cover).
/// </remarks>
internal sealed class TableParser<TRow>
{
    private readonly string _sheet;
    private readonly IReadOnlyList<ColumnSpec> _columns;
    private readonly Func<TableColumns, SheetRow, TRow> _map;
    private readonly int _required;
    private readonly List<TRow> _rows;
    private readonly List<SheetRow> _held = [];
    private Units? _workbookUnits;
    private SheetRow? _best;
    private int _bestMatches;
    private TableColumns? _located;
    private SheetRow? _total;

    public TableParser(string sheet, IReadOnlyList<ColumnSpec> columns, Func<TableColumns, SheetRow, TRow> map, Units? workbookUnits, int expectedRows)
    {
        _sheet = sheet;
        _columns = columns;
        _map = map;
        _required = columns.Count(c => c.Required);
        _workbookUnits = workbookUnits;
        _rows = new List<TRow>(expectedRows);
    }

    public void Add(SheetRow row)
    {
        if (_workbookUnits is not { } units)
        {
            _held.Add(row);
        }
        else if (_located is not null)
        {
            Take(row);
        }
        else
        {
            Search(row, units);
        }
    }

    /// <summary>The table, once every row of the sheet has been added; <paramref name="workbookUnits"/> is used if none were given before.</summary>
    public Table<TRow> Finish(Units workbookUnits)
    {
        if (_workbookUnits is null)
        {
            _workbookUnits = workbookUnits;
            var rows = _held.ToList();
            _held.Clear();
            rows.ForEach(Add);
        }

        if (_located is null)
        {
            // No row named every required column: the best row is the header if it named two (or the only one).
            if (_best is null || (_bestMatches < 2 && _required > 1))
            {
                _located = TableColumns.NotFound(_sheet, _columns);
            }
            else
            {
                _located = TableColumns.FromHeader(_sheet, _columns, _best, _workbookUnits.Value);
                _held.ForEach(Take);
            }

            _held.Clear();
        }

        var totals = new Dictionary<string, MoneyCell>(StringComparer.Ordinal);
        if (_total is not null)
        {
            foreach (var column in _columns.Where(c => c.IsMoney && _located.Has(c)))
            {
                var cell = _located.Money(_total, column);
                if (cell.Reading.Kind != MoneyReadingKind.Missing || cell.Reading.Written.Length > 0)
                {
                    totals[column.Header] = cell;
                }
            }
        }

        return new Table<TRow>(_located.Layout, _rows, totals) { MoneyUnits = _located.MoneyUnits() };
    }

    private void Search(SheetRow row, Units units)
    {
        var matches = TableColumns.CountRequiredMatches(row, _columns);
        if (matches > _bestMatches)
        {
            _best = row;
            _bestMatches = matches;
            _held.Clear();
            if (matches == _required)
            {
                _located = TableColumns.FromHeader(_sheet, _columns, row, units);
            }
        }
        else if (_best is not null)
        {
            _held.Add(row);
        }
    }

    /// <summary>A row after the header: a data row, the Total row, or past the table's end.</summary>
    private void Take(SheetRow row)
    {
        if (_total is not null)
        {
            return;
        }

        if (IsTotalRow(row))
        {
            _total = row;
            return;
        }

        _rows.Add(_map(_located!, row));
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
