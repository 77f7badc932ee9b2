namespace BetterCare.Returns.Reading;

/// <summary>A1-style cell addresses from zero-based row and column numbers.</summary>
public static class CellRef
{
    public static string Of(int row, int column)
    {
        // One string per reference, made when a finding or a layout asks for it (CellAddress).
        Span<char> buffer = stackalloc char[4 + 11];
        var start = Letters(column, buffer[..4]);
        buffer[start..4].CopyTo(buffer);
        var n = 4 - start;
        (row + 1).TryFormat(buffer[n..], out var written, default, System.Globalization.CultureInfo.InvariantCulture);
        return new string(buffer[..(n + written)]);
    }

    public static string ColumnName(int column)
    {
        Span<char> buffer = stackalloc char[4];
        return new string(buffer[Letters(column, buffer)..]);
    }

    /// <summary>Writes the column's letters at the end of <paramref name="buffer"/>; returns where they start.</summary>
    private static int Letters(int column, Span<char> buffer)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(column);
        var n = buffer.Length;
        var c = column + 1;
        while (c > 0)
        {
            var rem = (c - 1) % 26;
            buffer[--n] = (char)('A' + rem);
            c = (c - 1) / 26;
        }

        return n;
    }
}
