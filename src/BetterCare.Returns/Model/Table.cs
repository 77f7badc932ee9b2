using BetterCare.Returns.Currency;

namespace BetterCare.Returns.Model;

/// <summary>
/// Where a table was found on its sheet. <see cref="HeaderCell"/> is null when no header row
/// was found at all; <see cref="MissingColumns"/> lists required headers that were not.
/// </summary>
public sealed record TableLayout(string Sheet, string? HeaderCell, IReadOnlyList<string> MissingColumns)
{
    public bool Found => HeaderCell is not null;
}

/// <summary>
/// A table's rows and, when it ended with a Total row, the totals it states per money column.
/// <see cref="MoneyUnits"/> says, per money column found, the units its cells were read in and
/// whether its header named them.
/// </summary>
public sealed record Table<TRow>(
    TableLayout Layout,
    IReadOnlyList<TRow> Rows,
    IReadOnlyDictionary<string, MoneyCell> StatedTotals)
{
    public string Sheet => Layout.Sheet;

    public IReadOnlyDictionary<string, ColumnUnits> MoneyUnits { get; init; } = new Dictionary<string, ColumnUnits>();
}

/// <summary>The units a money column was read in: its header's own, or else the workbook's.</summary>
public readonly record struct ColumnUnits(Units Units, bool FromHeader);
