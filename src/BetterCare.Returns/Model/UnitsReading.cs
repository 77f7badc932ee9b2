using BetterCare.Returns.Currency;

namespace BetterCare.Returns.Model;

/// <summary>Why figures were read in other units than stated: what they were compared with, if anything.</summary>
/// <param name="ComparedWith">What the figures were checked against, e.g. "the partners' minimum contributions on Contributions".</param>
/// <param name="AsStated">How far the stated reading is from it; null when there was nothing to compare with.</param>
/// <param name="AsRead">How far the chosen reading is from it.</param>
/// <param name="Agrees">Whether the chosen reading agrees with it within the rounding the figures carry.</param>
public sealed record UnitsEvidence(string? ComparedWith, Money? AsStated, Money? AsRead, bool Agrees)
{
    public const string TotalRow = "its Total row";

    public bool OnTotalRow => ComparedWith == TotalRow;
}

/// <summary>
/// Figures of one column (or one Cover figure) that are out of range in the units the workbook
/// states but read as plausible figures in other units, and so were read in those:
/// <see cref="AsStated"/> are the cells as first read, <see cref="AsRead"/> the same cells as
/// they are now read, in the same order.
/// </summary>
public sealed record UnitsReading(
    string Sheet,
    string Column,
    ColumnUnits Stated,
    Units Chosen,
    IReadOnlyList<MoneyCell> AsStated,
    IReadOnlyList<MoneyCell> AsRead,
    UnitsEvidence Evidence)
{
    /// <summary>Whether this is one of the Cover's figures rather than a table column's.</summary>
    public bool OnCover { get; init; }

    /// <summary>Whether <paramref name="cell"/> is one of the figures read in other units.</summary>
    public bool Covers(MoneyCell cell) => AsRead.Any(c => c.Sheet == cell.Sheet && c.Address == cell.Address);
}
