namespace BetterCare.Returns.Currency;

/// <summary>The units a workbook's money is written in. The value is pounds per written unit.</summary>
public enum Units
{
    Pounds = 1,
    Thousands = 1_000,
    Millions = 1_000_000,
}

public static class UnitsText
{
    /// <summary>Reads the Cover's Units value or a column header's unit suffix: £, £000s, £000's, £k, £m.</summary>
    public static bool TryParse(string? text, out Units units)
    {
        units = Units.Pounds;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var t = text.Trim().Trim('(', ')', '[', ']').Replace(" ", string.Empty, StringComparison.Ordinal)
            .Replace("’", "'", StringComparison.Ordinal).ToUpperInvariant();
        switch (t)
        {
            case "£":
            case "GBP":
            case "POUNDS":
                units = Units.Pounds;
                return true;
            case "£000S":
            case "£000'S":
            case "£000":
            case "£K":
            case "£'000S":
            case "£'000":
            case "£THOUSANDS":
                units = Units.Thousands;
                return true;
            case "£M":
            case "£MILLIONS":
            case "£MILLION":
                units = Units.Millions;
                return true;
            default:
                return false;
        }
    }

    public static string Describe(Units units) => units switch
    {
        Units.Thousands => "£000s",
        Units.Millions => "£m",
        _ => "£",
    };

    /// <summary>Finds a unit suffix in a column header, e.g. "Total Contribution (£000's)".</summary>
    public static bool TryFromHeader(string header, out Units units)
    {
        units = Units.Pounds;
        var open = header.LastIndexOf('(');
        if (open >= 0)
        {
            var close = header.IndexOf(')', open);
            var inner = close > open ? header[(open + 1)..close] : header[(open + 1)..];
            if (TryParse(inner, out units))
            {
                return true;
            }
        }

        return false;
    }
}
