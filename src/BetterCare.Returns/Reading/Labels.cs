using System.Text;

namespace BetterCare.Returns.Reading;

/// <summary>
/// How labels and headers are compared: case-insensitively, ignoring punctuation, £, unit
/// suffixes in brackets and repeated spaces ("Total Contribution (£000's)" is "total contribution"),
/// and reading '&' as 'and'.
/// </summary>
public static class Labels
{
    public static string Normalize(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var sb = new StringBuilder(text.Length);
        var depth = 0;
        var pendingSpace = false;
        foreach (var raw in text)
        {
            var c = raw;
            if (c == '(' || c == '[')
            {
                depth++;
                pendingSpace = sb.Length > 0;
                continue;
            }

            if (c == ')' || c == ']')
            {
                depth = Math.Max(0, depth - 1);
                pendingSpace = sb.Length > 0;
                continue;
            }

            if (depth > 0)
            {
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                if (pendingSpace)
                {
                    sb.Append(' ');
                    pendingSpace = false;
                }

                sb.Append(char.ToLowerInvariant(c));
            }
            else if (c == '&')
            {
                // "Basildon & Brentwood CCG" is "Basildon and Brentwood CCG".
                if (sb.Length > 0)
                {
                    sb.Append(' ');
                }

                sb.Append("and");
                pendingSpace = true;
            }
            else if (c == '\'' || c == '’')
            {
                // "Carers' breaks" and "carers breaks" are the same label.
            }
            else
            {
                pendingSpace = sb.Length > 0;
            }
        }

        return sb.ToString();
    }

    public static string? Text(object? cell) => cell switch
    {
        null => null,
        string s => s.Trim(),
        double d => d.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        DateTime dt => dt.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture),
        bool b => b ? "TRUE" : "FALSE",
        _ => Convert.ToString(cell, System.Globalization.CultureInfo.InvariantCulture)?.Trim(),
    };

    public static bool IsBlank(object? cell) => cell is null || (cell is string s && string.IsNullOrWhiteSpace(s));
}
