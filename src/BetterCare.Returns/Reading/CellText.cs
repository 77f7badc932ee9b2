using System.Globalization;
using System.Text;

namespace BetterCare.Returns.Reading;

/// <summary>
/// Text from a workbook made safe once, where it is read: control characters (also those Excel
/// writes as <c>_x0000_</c>-style escapes, which the reader has decoded by then) are removed, but
/// for tab and line breaks; bidirectional overrides, embeddings, isolates and marks are removed
/// (they can make a name read backwards on a page or in a mail); a broken UTF-16 character
/// becomes U+FFFD; and a text longer than Excel allows in a cell is cut to that length. What was
/// changed is said in words, for the <c>TEXT-CLEANED</c> finding.
/// </summary>
public static class CellText
{
    /// <summary>The most characters Excel lets a cell hold; longer text can only come from a crafted file.</summary>
    public const int MaxLength = 32_767;

    /// <summary>The text as it is safe to keep; <paramref name="change"/> says what was changed, or is null when nothing was.</summary>
    public static string Clean(string text, out string? change)
    {
        ArgumentNullException.ThrowIfNull(text);
        change = null;
        if (IsClean(text))
        {
            return text;
        }

        var kept = new StringBuilder(Math.Min(text.Length, MaxLength));
        var controls = new SortedSet<string>(StringComparer.Ordinal);
        var (removedControls, removedBidi, replaced, cut) = (0, 0, 0, false);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (kept.Length >= MaxLength)
            {
                cut = true;
                break;
            }

            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                kept.Append(c).Append(text[++i]);
            }
            else if (char.IsSurrogate(c))
            {
                kept.Append('\uFFFD');
                replaced++;
            }
            else if (IsControl(c))
            {
                removedControls++;
                controls.Add(Name(c));
            }
            else if (IsBidi(c))
            {
                removedBidi++;
            }
            else
            {
                kept.Append(c);
            }
        }

        var parts = new List<string>(4);
        if (removedControls > 0)
        {
            parts.Add($"removed {Count(removedControls, "control character")} ({string.Join(", ", controls.Take(6))}{(controls.Count > 6 ? ", …" : null)})");
        }

        if (removedBidi > 0)
        {
            parts.Add($"removed {Count(removedBidi, "right-to-left or left-to-right override")}");
        }

        if (replaced > 0)
        {
            parts.Add($"replaced {Count(replaced, "broken character")} with \uFFFD");
        }

        if (cut)
        {
            parts.Add($"cut the text to {MaxLength.ToString("N0", CultureInfo.InvariantCulture)} characters, the most a cell can hold");
        }

        change = parts.Count == 0 ? null : string.Join("; ", parts);
        return kept.ToString();
    }

    private static bool IsClean(string text)
    {
        if (text.Length > MaxLength)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (IsControl(c) || IsBidi(c) || char.IsSurrogate(c))
            {
                // A surrogate pair is fine; the slow path tells the two apart.
                return false;
            }
        }

        return true;
    }

    private static bool IsControl(char c) => (c < ' ' && c is not ('\t' or '\n' or '\r')) || (c >= '\u007F' && c <= '\u009F');

    /// <summary>Marks, embeddings, overrides and isolates of the Unicode bidirectional algorithm.</summary>
    private static bool IsBidi(char c) => c is '\u061C' or '\u200E' or '\u200F' || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');

    private static string Name(char c) => c switch
    {
        '\0' => "NUL",
        '\u001B' => "ESC",
        '\b' => "backspace",
        '\f' => "form feed",
        '\v' => "vertical tab",
        '\u007F' => "DEL",
        _ => $"U+{(int)c:X4}",
    };

    private static string Count(int n, string what) => n == 1 ? $"a {what}" : $"{n} {what}s";
}
