namespace BetterCare.Returns.Reading;

/// <summary>
/// Where a cell is: its zero-based row and column. The A1-style address ("B7") is written
/// only when asked for, so a parsed return keeps no address string for every cell.
/// </summary>
public readonly record struct CellAddress(int Row, int Column)
{
    /// <summary>The A1-style address, as <see cref="CellRef.Of"/> writes it.</summary>
    public override string ToString() => CellRef.Of(Row, Column);
}
