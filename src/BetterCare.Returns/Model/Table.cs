namespace BetterCare.Returns.Model;

/// <summary>
/// Where a table was found on its sheet. <see cref="HeaderCell"/> is null when no header row
/// was found at all; <see cref="MissingColumns"/> lists required headers that were not.
/// </summary>
public sealed record TableLayout(string Sheet, string? HeaderCell, IReadOnlyList<string> MissingColumns)
{
    public bool Found => HeaderCell is not null;
}

/// <summary>A table's rows and, when it ended with a Total row, the totals it states per money column.</summary>
public sealed record Table<TRow>(
    TableLayout Layout,
    IReadOnlyList<TRow> Rows,
    IReadOnlyDictionary<string, MoneyCell> StatedTotals)
{
    public string Sheet => Layout.Sheet;
}
