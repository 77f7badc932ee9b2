using System.Globalization;

namespace BetterCare.Returns.Currency;

/// <summary>An amount of pounds held as whole pence, so sums never drift.</summary>
public readonly record struct Money(long Pence) : IComparable<Money>
{
    public static readonly Money Zero = new(0);

    public static Money FromPounds(long pounds) => new(checked(pounds * 100));

    public static Money FromPounds(decimal pounds) => new((long)decimal.Round(pounds * 100m, 0, MidpointRounding.AwayFromZero));

    public decimal Pounds => Pence / 100m;

    public Money Abs() => new(Math.Abs(Pence));

    public static Money operator +(Money a, Money b) => new(checked(a.Pence + b.Pence));

    public static Money operator -(Money a, Money b) => new(checked(a.Pence - b.Pence));

    public static Money operator -(Money a) => new(-a.Pence);

    public static bool operator <(Money a, Money b) => a.Pence < b.Pence;

    public static bool operator >(Money a, Money b) => a.Pence > b.Pence;

    public static bool operator <=(Money a, Money b) => a.Pence <= b.Pence;

    public static bool operator >=(Money a, Money b) => a.Pence >= b.Pence;

    public int CompareTo(Money other) => Pence.CompareTo(other.Pence);

    public static Money Sum(IEnumerable<Money> amounts)
    {
        ArgumentNullException.ThrowIfNull(amounts);
        long total = 0;
        foreach (var amount in amounts)
        {
            total = checked(total + amount.Pence);
        }

        return new Money(total);
    }

    /// <summary>Formats as people write it in a report: £1,234,567, or £1,234.50 when there are pence.</summary>
    public override string ToString()
    {
        var uk = CultureInfo.GetCultureInfo("en-GB");
        var sign = Pence < 0 ? "-" : string.Empty;
        var abs = Math.Abs(Pence);
        return abs % 100 == 0
            ? sign + "£" + (abs / 100).ToString("#,0", uk)
            : sign + "£" + (abs / 100m).ToString("#,0.00", uk);
    }
}
