using System.Buffers;

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

        char[]? rented = null;
        var buffer = MaxNormalizedLength(text) <= 256 ? stackalloc char[256] : (rented = ArrayPool<char>.Shared.Rent(MaxNormalizedLength(text)));
        try
        {
            return new string(buffer[..NormalizeInto(text, buffer)]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Whether <paramref name="text"/> normalizes to <paramref name="key"/> (itself normalized), without making the string.</summary>
    public static bool NormalizesTo(string? text, string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (string.IsNullOrEmpty(text) || MaxNormalizedLength(text) > 256)
        {
            return Normalize(text) == key;
        }

        Span<char> buffer = stackalloc char[MaxNormalizedLength(text)];
        return buffer[..NormalizeInto(text, buffer)].SequenceEqual(key);
    }

    // Each character writes at most four: '&' becomes " and".
    private static int MaxNormalizedLength(string text) => text.Length * 4;

    private static int NormalizeInto(string text, Span<char> sb)
    {
        var n = 0;
        var depth = 0;
        var pendingSpace = false;
        foreach (var raw in text)
        {
            var c = raw;
            if (c == '(' || c == '[')
            {
                depth++;
                pendingSpace = n > 0;
                continue;
            }

            if (c == ')' || c == ']')
            {
                depth = Math.Max(0, depth - 1);
                pendingSpace = n > 0;
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
                    sb[n++] = ' ';
                    pendingSpace = false;
                }

                sb[n++] = char.ToLowerInvariant(c);
            }
            else if (c == '&')
            {
                // "Basildon & Brentwood CCG" is "Basildon and Brentwood CCG".
                if (n > 0)
                {
                    sb[n++] = ' ';
                }

                "and".CopyTo(sb[n..]);
                n += 3;
                pendingSpace = true;
            }
            else if (c == '\'' || c == '’')
            {
                // "Carers' breaks" and "carers breaks" are the same label.
            }
            else
            {
                pendingSpace = n > 0;
            }
        }

        return n;
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
