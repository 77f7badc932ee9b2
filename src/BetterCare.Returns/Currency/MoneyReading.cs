using System.Globalization;

namespace BetterCare.Returns.Currency;

public enum MoneyReadingKind
{
    /// <summary>A money value: a number, or text such as <c>£1,234</c>, <c>(1,234)</c> or <c>nil</c>.</summary>
    Value,

    /// <summary>Blank, <c>TBC</c>, <c>£TBCM</c> or <c>n/a</c>: a figure still to come, not zero.</summary>
    Missing,

    /// <summary>Text that is not a money value, e.g. <c>£214,00</c>.</summary>
    Invalid,
}

/// <summary>What a money cell held: the figure when there is one, and the text as written.</summary>
public readonly record struct MoneyReading(MoneyReadingKind Kind, MoneyFigure Figure, string Written)
{
    // The commonest cells are a whole number of their units, as a number or as text such as
    // £1,234: what was written follows from the figure (amount over step), so it is made when
    // asked for rather than kept for every cell.
    private readonly WrittenAs _writtenAs;

    private MoneyReading(MoneyFigure wholeUnits, WrittenAs writtenAs)
        : this(MoneyReadingKind.Value, wholeUnits, string.Empty) => _writtenAs = writtenAs;

    private enum WrittenAs
    {
        Text,
        Digits,
        PoundsGrouped,
    }

    public string Written => _writtenAs switch
    {
        WrittenAs.Digits => Units().ToString(CultureInfo.InvariantCulture),
        WrittenAs.PoundsGrouped => "£" + Units().ToString("#,0", CultureInfo.InvariantCulture),
        _ => WrittenText,
    };

    private string WrittenText { get; } = Written;

    public bool HasValue => Kind == MoneyReadingKind.Value;

    public Money Amount => Figure.Amount;

    public static MoneyReading Blank { get; } = new(MoneyReadingKind.Missing, default, string.Empty);

    /// <summary>A number of whole units, written as its digits (a number cell): <paramref name="figure"/>'s step is one unit.</summary>
    internal static MoneyReading WholeUnits(MoneyFigure figure) => new(figure, WrittenAs.Digits);

    /// <summary>A number of whole units written as £ and grouped digits, e.g. £1,234: <paramref name="figure"/>'s step is one unit.</summary>
    internal static MoneyReading PoundsGrouped(MoneyFigure figure) => new(figure, WrittenAs.PoundsGrouped);

    public bool Equals(MoneyReading other) => Kind == other.Kind && Figure == other.Figure && Written == other.Written;

    public override int GetHashCode() => HashCode.Combine(Kind, Figure, Written);

    private long Units() => Figure.Amount.Pence / Figure.Step.Pence;
}
