namespace BetterCare.Returns.Reading;

/// <summary>Keeps every row of every template sheet read, as <see cref="SheetData"/>.</summary>
internal sealed class SheetCollector : ISheetRowTarget
{
    private readonly Dictionary<TemplateSheet, SheetData> _sheets = [];
    private TemplateSheet _sheet;
    private string _name = string.Empty;
    private List<SheetRow> _rows = [];

    public IReadOnlyDictionary<TemplateSheet, SheetData> Sheets => _sheets;

    public List<CleanedText> CleanedCells { get; } = [];

    public void StartSheet(TemplateSheet sheet, string name, int expectedRows)
    {
        _sheet = sheet;
        _name = name;
        _rows = new List<SheetRow>(expectedRows);
    }

    public void Add(SheetRow row) => _rows.Add(row);

    public void Cleaned(CellAddress address, string change) => CleanedCells.Add(new CleanedText(_name, address, change));

    public void EndSheet() => _sheets[_sheet] = new SheetData(_name, _rows);
}
