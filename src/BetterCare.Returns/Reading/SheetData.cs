namespace BetterCare.Returns.Reading;

/// <summary>One non-blank row: its zero-based row number and its cells up to the last non-blank one.</summary>
public sealed record SheetRow(int Index, object?[] Cells)
{
    public object? this[int column] => column < Cells.Length ? Cells[column] : null;
}

/// <summary>A sheet as read: its name as written and its non-blank rows in order.</summary>
public sealed record SheetData(string Name, IReadOnlyList<SheetRow> Rows);

/// <summary>The sheets of a workbook that the template knows, keyed by <see cref="TemplateSheet"/>.</summary>
public sealed record WorkbookData(string FileName, IReadOnlyDictionary<TemplateSheet, SheetData> Sheets)
{
    public SheetData? Sheet(TemplateSheet sheet) => Sheets.GetValueOrDefault(sheet);

    /// <summary>The cells whose text was made safe as it was read (<see cref="CellText"/>).</summary>
    public IReadOnlyList<CleanedText> Cleaned { get; init; } = [];
}

/// <summary>A cell whose text was changed as it was read, and how.</summary>
public sealed record CleanedText(string Sheet, CellAddress Address, string Change);
