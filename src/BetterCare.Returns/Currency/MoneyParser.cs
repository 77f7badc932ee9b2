using System.Globalization;

namespace BetterCare.Returns.Currency;

/// <summary>
/// Turns a cell's value into money once, at the edge. Accepts every form the template
/// spec lists and keeps the precision each figure was written to.
/// </summary>
public static class MoneyParser
{
    private const int MaxTextLength = 64;

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

        var compact = Compact(written);
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

        ReadOnlySpan<char> body = compact;
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

    private static MoneyReading FromNumber(double value, Units units)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            return Invalid(value.ToString(CultureInfo.InvariantCulture));
        }

        // Most money cells are whole numbers of their units: no text to write and parse back.
        if (Math.Abs(value) < 1e12 && value == Math.Floor(value))
        {
            var whole = (long)value;
            var pence = checked(whole * (int)units * 100L);
            return new MoneyReading(MoneyReadingKind.Value, new MoneyFigure(new Money(pence), new Money((int)units * 100L)), whole.ToString(CultureInfo.InvariantCulture));
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

        if (Math.Abs(pounds) > 1_000_000_000_000m)
        {
            // Far past any plausible return; keep it as a value so the range rule names it.
            pounds = Math.Sign(pounds) * 1_000_000_000_000m;
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

    /// <summary>Lower-cases, drops £ and spaces, and folds the dash family to '-'.</summary>
    private static string Compact(string text)
    {
        Span<char> buffer = stackalloc char[text.Length];
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

        return new string(buffer[..n]);
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
