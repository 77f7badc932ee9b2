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
    public bool HasValue => Kind == MoneyReadingKind.Value;

    public Money Amount => Figure.Amount;

    public static MoneyReading Blank { get; } = new(MoneyReadingKind.Missing, default, string.Empty);
}
