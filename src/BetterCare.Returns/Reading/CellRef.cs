namespace BetterCare.Returns.Reading;

/// <summary>A1-style cell addresses from zero-based row and column numbers.</summary>
public static class CellRef
{
    public static string Of(int row, int column) => ColumnName(column) + (row + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string ColumnName(int column)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(column);
        Span<char> buffer = stackalloc char[4];
        var n = buffer.Length;
        var c = column + 1;
        while (c > 0)
        {
            var rem = (c - 1) % 26;
            buffer[--n] = (char)('A' + rem);
            c = (c - 1) / 26;
        }

        return new string(buffer[n..]);
    }
}
