using System.Runtime.ExceptionServices;
using BetterCare.Returns.Currency;
using BetterCare.Returns.Model;
using BetterCare.Returns.Reading;

namespace BetterCare.Returns.Parsing;

/// <summary>
/// Builds a <see cref="QuarterlyReturn"/> from a workbook's template sheets as they are read:
/// the Cover when its sheet ends, and each table row by row, so that what is kept of a table
/// is its typed rows rather than the sheet's rows as well. Judges nothing.
/// </summary>
internal sealed class ReturnBuilder : ISheetRowTarget
{
    private readonly string _fileName;
    private readonly HashSet<TemplateSheet> _present = [];
    private TemplateSheet _sheet;
    private string _sheetName = string.Empty;
    private Action<SheetRow> _add = Ignore;
    private List<SheetRow>? _coverRows;
    private Cover? _cover;
    private TableParser<PartnerRow>? _contributions;
    private TableParser<SchemeRow>? _schemes;
    private TableParser<SignatoryRow>? _signOff;
    private TableParser<ConditionRow>? _conditions;
    private TableParser<MetricRow>? _metrics;
    private TableParser<DistrictRow>? _dfg;
    private TableParser<RiskRow>? _risks;

    // Parsing that fails is thrown from Build, after the whole workbook has been read, as when
    // the return was parsed from the read sheets: never taken for a damaged file by the reader.
    private ExceptionDispatchInfo? _failure;

    public ReturnBuilder(string fileName) => _fileName = fileName;

    public void StartSheet(TemplateSheet sheet, string name, int expectedRows)
    {
        _present.Add(sheet);
        _sheet = sheet;
        _sheetName = name;

        // A table read before the Cover holds its rows until the Cover's units are known.
        var units = _cover?.Units;
        _add = sheet switch
        {
            TemplateSheet.Cover => (_coverRows = new List<SheetRow>(expectedRows)).Add,
            TemplateSheet.Contributions => (_contributions = ReturnTables.Contributions(name, units, expectedRows)).Add,
            TemplateSheet.Schemes => (_schemes = ReturnTables.Schemes(name, units, expectedRows)).Add,
            TemplateSheet.SignOff => (_signOff = ReturnTables.SignOff(name, units, expectedRows)).Add,
            TemplateSheet.NationalConditions => (_conditions = ReturnTables.Conditions(name, units, expectedRows)).Add,
            TemplateSheet.Metrics => (_metrics = ReturnTables.Metrics(name, units, expectedRows)).Add,
            TemplateSheet.Dfg => (_dfg = ReturnTables.Dfg(name, units, expectedRows)).Add,
            TemplateSheet.Risks => (_risks = ReturnTables.Risks(name, units, expectedRows)).Add,
            _ => Ignore,
        };
    }

    public void Add(SheetRow row) => Guard(row, _add);

    /// <summary>At most this many cleaned cells are kept, each a finding; the rest are counted.</summary>
    public const int MaxCleanedKept = 50;

    private readonly List<CleanedText> _cleaned = [];
    private int _cleanedCount;

    public void Cleaned(CellAddress address, string change)
    {
        _cleanedCount++;
        if (_cleaned.Count < MaxCleanedKept)
        {
            _cleaned.Add(new CleanedText(_sheetName, address, change));
        }
    }

    /// <summary>Cells cleaned as a whole sheet was read (a return parsed from read sheets).</summary>
    public void Cleaned(IEnumerable<CleanedText> cells)
    {
        foreach (var cell in cells)
        {
            _cleanedCount++;
            if (_cleaned.Count < MaxCleanedKept)
            {
                _cleaned.Add(cell);
            }
        }
    }

    public void EndSheet()
    {
        if (_sheet == TemplateSheet.Cover && _coverRows is { } rows)
        {
            Guard(new SheetData(_sheetName, rows), sheet => _cover = CoverParser.Parse(sheet));
            _coverRows = null;
        }

        _add = Ignore;
    }

    /// <summary>A sheet already read whole, start to end.</summary>
    public void Read(TemplateSheet which, SheetData sheet)
    {
        StartSheet(which, sheet.Name, sheet.Rows.Count);
        foreach (var row in sheet.Rows)
        {
            Add(row);
        }

        EndSheet();
    }

    public QuarterlyReturn Build()
    {
        _failure?.Throw();
        var units = _cover?.Units ?? Units.Pounds;
        return new QuarterlyReturn(
            _fileName,
            _present,
            _cover,
            _contributions?.Finish(units),
            _schemes?.Finish(units),
            _signOff?.Finish(units),
            _conditions?.Finish(units),
            _metrics?.Finish(units),
            _dfg?.Finish(units),
            _risks?.Finish(units))
        {
            Cleaned = _cleaned,
            CleanedCount = _cleanedCount,
        };
    }

    private static void Ignore(SheetRow row)
    {
    }

    private void Guard<T>(T item, Action<T> action)
    {
        if (_failure is not null)
        {
            return;
        }

        try
        {
            action(item);
        }
        catch (Exception e)
        {
            _failure = ExceptionDispatchInfo.Capture(e);
        }
    }
}
