using BetterCare.Workbooks;

namespace BetterCare.Fixtures.Reading;

/// <summary>Changes to a laid-out return that move things about without changing what it says.</summary>
public static class Layouts
{
    /// <summary>Puts <paramref name="rows"/> rows above and <paramref name="columns"/> columns left of everything on the sheet.</summary>
    public static void Shift(SheetDraft sheet, int rows, int columns)
    {
        var shifted = sheet.Rows.Select(r => r is null ? null : new object?[columns].Concat(r).ToArray()).ToList();
        var bold = sheet.BoldRows.Select(r => r + rows).ToList();
        sheet.Rows.Clear();
        sheet.BoldRows.Clear();
        for (var i = 0; i < rows; i++)
        {
            sheet.Rows.Add(i == 0 ? [.. new object?[columns], "Version control: do not delete this row"] : null);
        }

        sheet.Rows.AddRange(shifted);
        bold.ForEach(b => sheet.BoldRows.Add(b));
        sheet.ColumnWidths = sheet.ColumnWidths is null ? null : [.. Enumerable.Repeat(4.0, columns), .. sheet.ColumnWidths];
    }

    /// <summary>Inserts a column of free text before the zero-based <paramref name="column"/>, headed <paramref name="header"/>, from the header row down.</summary>
    public static void InsertColumn(SheetDraft sheet, int headerRow, int column, string header)
    {
        for (var r = 0; r < sheet.Rows.Count; r++)
        {
            if (sheet.Rows[r] is not { } cells || r < headerRow || cells.Length <= column)
            {
                continue;
            }

            var value = r == headerRow ? header : cells.Length > 1 && cells[0] is not "Total" ? "See note " + (r - headerRow) : null;
            sheet.Rows[r] = [.. cells[..column], value, .. cells[column..]];
        }
    }

    /// <summary>Inserts an empty row before each zero-based row index given, and one of spaces before the first.</summary>
    public static void InsertBlankRows(SheetDraft sheet, params int[] before)
    {
        foreach (var (at, n) in before.OrderDescending().Select((at, n) => (at, n)))
        {
            var whitespace = n == before.Length - 1;
            sheet.Rows.Insert(at, whitespace ? [" ", "  ", null, "\t"] : []);
            var bold = sheet.BoldRows.Select(b => b >= at ? b + 1 : b).ToList();
            sheet.BoldRows.Clear();
            bold.ForEach(b => sheet.BoldRows.Add(b));
        }
    }

    /// <summary>Index of the row whose first cell is the text given.</summary>
    public static int RowStarting(SheetDraft sheet, string first) =>
        sheet.Rows.FindIndex(r => r is { Length: > 0 } && Equals(r[0], first)) is var i and >= 0
            ? i
            : throw new ArgumentException($"No row starting '{first}' on '{sheet.Name}'.", nameof(first));
}
