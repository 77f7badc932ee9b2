using BetterCare.Returns.Currency;
using BetterCare.Returns.Reading;

namespace BetterCare.Returns.Model;

/// <summary>
/// A cell as found: where it is and what it held. <see cref="Raw"/> is null when blank. A value,
/// kept inside its row rather than as an object of its own.
/// </summary>
public readonly record struct CellValue(string Sheet, CellAddress Address, object? Raw)
{
    // Rules ask for a cell's key again and again (a scheme's funder against every partner): a
    // text its column repeats is held as a KeyedText, its key worked out once for the column
    // (TextPool). Any other cell's key is worked out when asked for.
    private readonly object? _value = Raw;

    public object? Raw => _value is KeyedText keyed ? keyed.Text : _value;

    /// <summary>The A1-style address, e.g. "B7".</summary>
    public string Cell => Address.ToString();

    public string? Text => Labels.Text(Raw);

    public bool IsBlank => Labels.IsBlank(Raw);

    public string Key => _value is KeyedText keyed ? keyed.Key : Labels.Normalize(Text);

    /// <summary>A text its column repeats, held with its key.</summary>
    internal static CellValue Repeated(string sheet, CellAddress address, KeyedText text) => new(sheet, address, text);

    public bool Equals(CellValue other) =>
        Sheet == other.Sheet && Address == other.Address && EqualityComparer<object?>.Default.Equals(Raw, other.Raw);

    public override int GetHashCode() => HashCode.Combine(Sheet, Address, Raw);

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

/// <summary>
/// A money cell: where it is, its column, and the reading of what it held. A value, kept inside
/// its row rather than as an object of its own.
/// </summary>
public readonly record struct MoneyCell(string Sheet, CellAddress Address, string Column, MoneyReading Reading)
{
    /// <summary>The A1-style address, e.g. "F7".</summary>
    public string Cell => Address.ToString();

    public bool HasValue => Reading.HasValue;

    public MoneyFigure Figure => Reading.Figure;

    public Money Amount => Reading.Figure.Amount;
}
