using System.Globalization;

namespace BetterCare.Returns.Currency;

/// <summary>
/// Turns a cell's value into money once, at the edge. Accepts every form the template
/// spec lists and keeps the precision each figure was written to.
/// </summary>
public static class MoneyParser
{
    private const int MaxTextLength = 64;

    /// <summary>Where a figure is held: far past any plausible return, still a value for the range rule to name.</summary>
    private const long MaxPounds = 1_000_000_000_000;

    /// <summary>Where a figure too large to be a return's is held: a reading of this much means at least this much.</summary>
    public static Money Cap { get; } = Money.FromPounds(MaxPounds);

    public static MoneyReading Read(object? cell, Units units)
    {
        switch (cell)
        {
            case null:
                return MoneyReading.Blank;
            case double d:
                return FromNumber(d, units);
            case int i:
                return FromNumber(i, units);
            case long l:
                return FromNumber(l, units);
            case decimal m:
                return FromDecimalText(m.ToString(CultureInfo.InvariantCulture), units, 1, m.ToString(CultureInfo.InvariantCulture));
            case string s:
                return Read(s, units);
            case DateTime dt:
                return new MoneyReading(MoneyReadingKind.Invalid, default, dt.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));
            case bool b:
                return new MoneyReading(MoneyReadingKind.Invalid, default, b ? "TRUE" : "FALSE");
            default:
                return new MoneyReading(MoneyReadingKind.Invalid, default, Convert.ToString(cell, CultureInfo.InvariantCulture) ?? string.Empty);
        }
    }

    public static MoneyReading Read(string? text, Units units)
    {
        if (text is null)
        {
            return MoneyReading.Blank;
        }

        var written = text.Trim();
        if (written.Length == 0)
        {
            return MoneyReading.Blank;
        }

        if (written.Length > MaxTextLength)
        {
            return Invalid(written[..MaxTextLength] + "…");
        }

        // Lower-cased, without £ and spaces: at most 64 characters, on the stack.
        Span<char> buffer = stackalloc char[written.Length];
        ReadOnlySpan<char> compact = buffer[..Compact(written, buffer)];
        switch (compact)
        {
            case "tbc":
            case "tbcm":
            case "n/a":
                return new MoneyReading(MoneyReadingKind.Missing, default, written);
            case "nil":
            case "-":
            case "0":
                return new MoneyReading(MoneyReadingKind.Value, new MoneyFigure(Money.Zero, new Money(StepPence((int)units, 0))), written);
        }

        var body = compact;
        var negative = false;
        if (body.Length > 2 && body[0] == '(' && body[^1] == ')')
        {
            negative = true;
            body = body[1..^1];
        }
        else if (body.Length > 1 && body[0] == '-')
        {
            negative = true;
            body = body[1..];
        }

        var multiplier = 1;
        if (body.Length > 1 && body[^1] == 'm')
        {
            multiplier = 1_000_000;
            body = body[..^1];
            units = Units.Pounds;
        }

        if (!IsWellFormedNumber(body))
        {
            return Invalid(written);
        }

        if (TryWhole(body, negative, (long)units * multiplier, written, out var whole))
        {
            return whole;
        }

        // The digits without their thousands separators, signed (body is at most 64 characters).
        Span<char> digits = stackalloc char[body.Length + 1];
        var n = 0;
        if (negative)
        {
            digits[n++] = '-';
        }

        foreach (var c in body)
        {
            if (c != ',')
            {
                digits[n++] = c;
            }
        }

        return FromDecimalText(digits[..n], units, multiplier, written);
    }

    /// <summary>
    /// A well-formed whole number of up to 18 digits, read without decimal arithmetic: the same
    /// figure <see cref="FromDecimalText"/> makes of it (held at the cap, a step of one unit).
    /// </summary>
    private static bool TryWhole(ReadOnlySpan<char> body, bool negative, long poundsPerUnit, string written, out MoneyReading reading)
    {
        reading = default;
        long value = 0;
        var digits = 0;
        foreach (var c in body)
        {
            if (c == ',')
            {
                continue;
            }

            if (c == '.' || ++digits > 18)
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        // Units are powers of ten up to a million, so the cap divides exactly.
        var held = value > MaxPounds / poundsPerUnit;
        var pounds = held ? MaxPounds : value * poundsPerUnit;
        var figure = new MoneyFigure(new Money((negative ? -pounds : pounds) * 100), new Money(poundsPerUnit * 100));
        reading = !held && !negative && IsPoundsGrouped(written, body)
            ? MoneyReading.PoundsGrouped(figure)
            : new MoneyReading(MoneyReadingKind.Value, figure, written);
        return true;
    }

    /// <summary>
    /// Whether <paramref name="written"/> is exactly £ and the well-formed whole number
    /// <paramref name="body"/> grouped in threes with no leading zero, e.g. £1,234 or £567.
    /// </summary>
    private static bool IsPoundsGrouped(string written, ReadOnlySpan<char> body) =>
        written.Length == body.Length + 1 && written[0] == '£' && written.AsSpan(1).SequenceEqual(body) &&
        body[0] != '0' && (body.Length <= 3 || body.Contains(','));

    private static MoneyReading FromNumber(double value, Units units)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            return Invalid(value.ToString(CultureInfo.InvariantCulture));
        }

        // Most money cells are whole numbers of their units: no text to write and parse back. Past
        // the cap (9.3e10 in £m would overflow pence) the decimal path holds them at it.
        if (Math.Abs(value) * (int)units <= MaxPounds && value == Math.Floor(value))
        {
            var whole = (long)value;
            var pence = checked(whole * (int)units * 100L);
            return MoneyReading.WholeUnits(new MoneyFigure(new Money(pence), new Money((int)units * 100L)));
        }

        var text = value.ToString("R", CultureInfo.InvariantCulture);
        var written = text;
        if (text.Contains('E', StringComparison.Ordinal))
        {
            // A number is a money value however large: past any plausible figure it is held at
            // the cap below, so the range rule names it rather than calling it not money.
            text = ((decimal)Math.Clamp(value, -1e15, 1e15)).ToString(CultureInfo.InvariantCulture);
            written = Math.Abs(value) > 1e15 ? written : text;
        }

        return FromDecimalText(text, units, 1, written);
    }

    private static MoneyReading FromDecimalText(ReadOnlySpan<char> digits, Units units, int multiplier, string written)
    {
        if (!decimal.TryParse(digits, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
        {
            return Invalid(written);
        }

        var point = digits.IndexOf('.');
        var decimals = point < 0 ? 0 : digits.Length - point - 1;
        decimal poundsPerUnit = (int)units * (decimal)multiplier;
        decimal pounds;
        try
        {
            pounds = number * poundsPerUnit;
        }
        catch (OverflowException)
        {
            return Invalid(written);
        }

        if (Math.Abs(pounds) > MaxPounds)
        {
            // Far past any plausible return; keep it as a value so the range rule names it.
            pounds = Math.Sign(pounds) * (decimal)MaxPounds;
        }

        var step = StepPence(poundsPerUnit, decimals);
        return new MoneyReading(MoneyReadingKind.Value, new MoneyFigure(Money.FromPounds(pounds), new Money(step)), written);
    }

    private static long StepPence(decimal poundsPerUnit, int decimals)
    {
        var step = poundsPerUnit * 100m;
        for (var i = 0; i < decimals && step > 1m; i++)
        {
            step /= 10m;
        }

        return Math.Max(1L, (long)decimal.Round(step, 0));
    }

    private static MoneyReading Invalid(string written) => new(MoneyReadingKind.Invalid, default, written);

    /// <summary>Lower-cases, drops £ and spaces, and folds the dash family to '-', into <paramref name="buffer"/>; returns the length.</summary>
    private static int Compact(string text, Span<char> buffer)
    {
        var n = 0;
        foreach (var c in text)
        {
            switch (c)
            {
                case '£':
                case ' ':
                case '\u00a0':
                case '\t':
                    continue;
                case '–':
                case '—':
                case '−':
                    buffer[n++] = '-';
                    break;
                default:
                    buffer[n++] = char.ToLowerInvariant(c);
                    break;
            }
        }

        return n;
    }

    /// <summary>Digits with correct thousands groups (1,234,567) or none, and an optional decimal part.</summary>
    private static bool IsWellFormedNumber(ReadOnlySpan<char> body)
    {
        if (body.Length == 0)
        {
            return false;
        }

        var point = body.IndexOf('.');
        var whole = point < 0 ? body : body[..point];
        var fraction = point < 0 ? [] : body[(point + 1)..];
        if (point >= 0 && (fraction.Length == 0 || !AllDigits(fraction)))
        {
            return false;
        }

        if (whole.Length == 0)
        {
            return point >= 0;
        }

        var comma = whole.IndexOf(',');
        if (comma < 0)
        {
            return AllDigits(whole);
        }

        var first = whole[..comma];
        if (first.Length is < 1 or > 3 || !AllDigits(first))
        {
            return false;
        }

        var rest = whole[(comma + 1)..];
        while (true)
        {
            comma = rest.IndexOf(',');
            var group = comma < 0 ? rest : rest[..comma];
            if (group.Length != 3 || !AllDigits(group))
            {
                return false;
            }

            if (comma < 0)
            {
                return true;
            }

            rest = rest[(comma + 1)..];
        }
    }

    private static bool AllDigits(ReadOnlySpan<char> text) => !text.ContainsAnyExceptInRange('0', '9');
}
