namespace BetterCare.Workbooks;

/// <summary>A formula cell. <see cref="CachedValue"/> is what Excel would show; null leaves it to be calculated on open.</summary>
public sealed record Formula(string Expression, object? CachedValue = null);

/// <summary>A money cell: written as a number of pounds with a currency format, so it adds up in a spreadsheet.</summary>
public sealed record Currency(decimal Pounds);

/// <summary>A drop-down list on a range of cells, for the template's closed choices.</summary>
public sealed record ListValidation(string Range, IReadOnlyList<string> Choices);

/// <summary>A sheet to write: rows of cell values (string, number, DateTime, bool, <see cref="Formula"/> or null).</summary>
public sealed class SheetDraft
{
    public SheetDraft(string name) => Name = name;

    public string Name { get; set; }

    /// <summary>Row i is written as spreadsheet row i + 1; a null row is left out.</summary>
    public List<object?[]?> Rows { get; } = [];

    /// <summary>Cells a person fills in, by zero-based (row, column): shaded and left unlocked.</summary>
    public HashSet<(int Row, int Column)> InputCells { get; } = [];

    /// <summary>Rows shown in bold: titles and header rows.</summary>
    public HashSet<int> BoldRows { get; } = [];

    public List<ListValidation> Validations { get; } = [];

    /// <summary>Column widths in characters, from column A.</summary>
    public double[]? ColumnWidths { get; set; }

    /// <summary>The dimension to record, when it must differ from the truth (some writers record A1 for a full sheet).</summary>
    public string? RecordedDimension { get; set; }

    public bool Hidden { get; set; }

    /// <summary>How many rows from the top stay in view when the sheet scrolls (a header row: 1).</summary>
    public int FrozenRows { get; set; }

    /// <summary>Filter buttons on the first row, over every row written.</summary>
    public bool Filter { get; set; }

    public int AddRow(params object?[] cells)
    {
        Rows.Add(cells);
        return Rows.Count - 1;
    }
}

/// <summary>A workbook to write: its sheets in order.</summary>
public sealed class WorkbookDraft
{
    public List<SheetDraft> Sheets { get; } = [];

    public SheetDraft Sheet(string name) =>
        Sheets.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"No sheet named '{name}'.", nameof(name));
}
