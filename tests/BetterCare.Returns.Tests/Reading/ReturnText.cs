using BetterCare.Returns.Model;

namespace BetterCare.Returns.Tests.Reading;

/// <summary>Everything a parsed return holds, every cell with where it is, as lines of text: to compare two parses of one workbook.</summary>
internal static class ReturnText
{
    public static IReadOnlyList<string> Of(QuarterlyReturn? parsed)
    {
        if (parsed is null)
        {
            return [];
        }

        List<string> lines = [parsed.FileName, string.Join(", ", parsed.SheetsPresent.Order())];
        if (parsed.Cover is { } cover)
        {
            lines.Add($"{cover.SheetName} {cover.Units} {cover.MinimumRequired} {cover.TotalAgreed}");
            lines.AddRange(cover.Entries.OrderBy(e => e.Key).Select(e => $"{e.Key}: {e.Value}"));
        }

        lines.AddRange(Table(parsed.Contributions));
        lines.AddRange(Table(parsed.Schemes));
        lines.AddRange(Table(parsed.SignOff));
        lines.AddRange(Table(parsed.Conditions));
        lines.AddRange(Table(parsed.Metrics));
        lines.AddRange(Table(parsed.Dfg));
        lines.AddRange(Table(parsed.Risks));
        return lines;
    }

    // Rows are records: their text names every cell, its address, what it held and its key.
    private static IEnumerable<string> Table<TRow>(Table<TRow>? table) =>
        table is null
            ? ["no table"]
            : [
                $"{table.Sheet} header {table.Layout.HeaderCell} missing [{string.Join(", ", table.Layout.MissingColumns)}]",
                .. table.Rows.Select(r => r?.ToString() ?? string.Empty),
                .. table.StatedTotals.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => $"total {t.Key}: {t.Value}"),
            ];
}
