using BetterCare.Returns.Currency;
using BetterCare.Returns.Reading;

namespace BetterCare.Returns.Model;

/// <summary>A cell as found: where it is and what it held. <see cref="Raw"/> is null when blank.</summary>
public sealed record CellValue(string Sheet, string Cell, object? Raw)
{
    // Rules ask for a cell's key again and again (a scheme's funder against every partner),
    // so it is worked out once. It follows from Raw, so it takes no part in equality or copies.
    private string? _key;

    private CellValue(CellValue original)
    {
        Sheet = original.Sheet;
        Cell = original.Cell;
        Raw = original.Raw;
    }

    public string? Text => Labels.Text(Raw);

    public bool IsBlank => Labels.IsBlank(Raw);

    public string Key => _key ??= Labels.Normalize(Text);

    public bool Equals(CellValue? other) =>
        ReferenceEquals(this, other) ||
        (other is not null && Sheet == other.Sheet && Cell == other.Cell && EqualityComparer<object?>.Default.Equals(Raw, other.Raw));

    public override int GetHashCode() => HashCode.Combine(Sheet, Cell, Raw);

    /// <summary>Blank, or a placeholder such as &lt;Name of Signatory&gt;, &lt;Job Title&gt; or &lt;date&gt;.</summary>
    public bool IsMissing => IsBlank || IsPlaceholder(Text);

    public static bool IsPlaceholder(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var t = text.Trim();
        return (t.StartsWith('<') && t.EndsWith('>')) || (t.StartsWith('[') && t.EndsWith(']'));
    }
}

/// <summary>A money cell: where it is, its column, and the reading of what it held.</summary>
public sealed record MoneyCell(string Sheet, string Cell, string Column, MoneyReading Reading)
{
    public bool HasValue => Reading.HasValue;

    public MoneyFigure Figure => Reading.Figure;

    public Money Amount => Reading.Figure.Amount;
}
