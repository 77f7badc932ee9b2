using System.Globalization;
using System.Text.RegularExpressions;

namespace BetterCare.Returns.Model;

/// <summary>Dates as people in England write them: 25/09/2017 is 25 September.</summary>
public static partial class UkDate
{
    private static readonly string[] Formats =
    [
        "d/M/yyyy", "d/M/yy", "d-M-yyyy", "d.M.yyyy", "d M yyyy", "d MMMM yyyy", "d MMM yyyy", "dd MMMM yyyy",
        "d MMMM, yyyy", "yyyy-MM-dd", "d/M/yyyy H:mm", "d/M/yyyy H:mm:ss", "yyyy-MM-ddTHH:mm:ss",
    ];

    public static bool TryParse(object? cell, out DateOnly date)
    {
        date = default;
        switch (cell)
        {
            case DateTime dt:
                date = DateOnly.FromDateTime(dt);
                return true;
            case double serial when serial is >= 1 and < 2958466:
                date = DateOnly.FromDateTime(DateTime.FromOADate(serial));
                return true;
            case string text:
                var t = Ordinals().Replace(text.Trim(), "$1");
                if (DateTime.TryParseExact(t, Formats, CultureInfo.GetCultureInfo("en-GB"), DateTimeStyles.AllowWhiteSpaces, out var parsed))
                {
                    date = DateOnly.FromDateTime(parsed);
                    return true;
                }

                return false;
            default:
                return false;
        }
    }

    public static string Format(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));

    [GeneratedRegex(@"\b(\d{1,2})(st|nd|rd|th)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Ordinals();
}

public static partial class EmailAddress
{
    public static bool IsValid(string? text) => text is not null && text.Length <= 254 && Pattern().IsMatch(text.Trim());

    [GeneratedRegex(@"^[^@\s<>(),;:""]+@[^@\s<>(),;:""]+\.[A-Za-z]{2,}$")]
    private static partial Regex Pattern();
}

/// <summary>Plain numbers in metrics and risk scores: 566, 1,234.5, 88.6%, "4 (major)".</summary>
public static partial class NumberText
{
    public static bool TryParse(object? cell, out decimal number)
    {
        number = 0;
        switch (cell)
        {
            case double d when !double.IsNaN(d) && !double.IsInfinity(d) && Math.Abs(d) < 1e15:
                number = (decimal)d;
                return true;
            case string s:
                var t = s.Trim().Replace(",", string.Empty, StringComparison.Ordinal).TrimEnd('%').Trim();
                return decimal.TryParse(t, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out number);
            default:
                return false;
        }
    }

    /// <summary>A score written as a number, optionally followed by words: "4", "4 (major)", "4 - major".</summary>
    public static bool TryParseLeading(object? cell, out decimal number)
    {
        if (TryParse(cell, out number))
        {
            return true;
        }

        if (cell is string s)
        {
            var m = Leading().Match(s);
            if (m.Success)
            {
                number = decimal.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex(@"^\s*(\d+(?:\.\d+)?)(?:\s|\(|-|–|$)")]
    private static partial Regex Leading();
}
