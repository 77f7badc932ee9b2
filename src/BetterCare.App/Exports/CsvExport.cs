using System.Text;

namespace BetterCare.App.Exports;

/// <summary>A view as RFC 4180 CSV: money in pounds with pence, text neutralised against formula injection.</summary>
public static class CsvExport
{
    public static string Write(ExportTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var sb = new StringBuilder();
        sb.AppendJoin(',', table.Columns).Append("\r\n");
        foreach (var row in table.Rows)
        {
            sb.AppendJoin(',', row.Select(Field)).Append("\r\n");
        }

        return sb.ToString();
    }

    private static string Field(object? value) => value switch
    {
        null => string.Empty,
        AggregateTables.Money m => m.ToString(),
        long n => n.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => Quote(SafeText.Neutralise(value.ToString())),
    };

    private static string Quote(string text) =>
        text.IndexOfAny([',', '"', '\r', '\n']) < 0 ? text : "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
