using System.Globalization;
using System.Text.RegularExpressions;

namespace BetterCare.Returns.Model;

/// <summary>A financial year such as 2016-17, written 2016-17 or 2016/17.</summary>
public readonly partial record struct FinancialYear(int StartYear)
{
    public static bool TryParse(string? text, out FinancialYear year)
    {
        year = default;
        if (text is null)
        {
            return false;
        }

        var m = YearPattern().Match(text.Trim());
        if (!m.Success)
        {
            return false;
        }

        var start = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        var end = m.Groups[2].Value;
        var expected = end.Length == 2 ? (start + 1) % 100 : start + 1;
        if (int.Parse(end, CultureInfo.InvariantCulture) != expected || start < 2000 || start > 2099)
        {
            return false;
        }

        year = new FinancialYear(start);
        return true;
    }

    public override string ToString() => $"{StartYear}-{(StartYear + 1) % 100:00}";

    [GeneratedRegex(@"^(\d{4})\s*[-/–]\s*(\d{2}|\d{4})$")]
    private static partial Regex YearPattern();
}

/// <summary>A quarter of the financial year, 1 to 4; written Q1 or Quarter 1.</summary>
public readonly record struct Quarter(int Number)
{
    public static bool TryParse(string? text, out Quarter quarter)
    {
        quarter = default;
        var t = Reading.Labels.Normalize(text).Replace(" ", string.Empty, StringComparison.Ordinal);
        if (t.StartsWith("quarter", StringComparison.Ordinal))
        {
            t = t["quarter".Length..];
        }
        else if (t.StartsWith('q'))
        {
            t = t[1..];
        }

        if (t.Length == 1 && t[0] is >= '1' and <= '4')
        {
            quarter = new Quarter(t[0] - '0');
            return true;
        }

        return false;
    }

    public override string ToString() => "Q" + Number.ToString(CultureInfo.InvariantCulture);
}

/// <summary>The period a return covers: "2016-17-Q3".</summary>
public readonly record struct ReturnPeriod(FinancialYear Year, Quarter Quarter)
{
    public override string ToString() => $"{Year}-{Quarter}";

    public ReturnPeriod? Previous => Quarter.Number > 1 ? new ReturnPeriod(Year, new Quarter(Quarter.Number - 1)) : null;

    public static bool TryParse(string? text, out ReturnPeriod period)
    {
        period = default;
        if (text is null || text.Length < 10)
        {
            return false;
        }

        var cut = text.LastIndexOf('-');
        if (cut < 0 || !FinancialYear.TryParse(text[..cut], out var year) || !Quarter.TryParse(text[(cut + 1)..], out var quarter))
        {
            return false;
        }

        period = new ReturnPeriod(year, quarter);
        return true;
    }
}

/// <summary>An HWB's ONS code: E06, E08, E09 or E10 and six digits.</summary>
public static partial class HwbCode
{
    public static bool IsValid(string? text) => text is not null && Pattern().IsMatch(text.Trim());

    [GeneratedRegex(@"^E(06|08|09|10)\d{6}$")]
    private static partial Regex Pattern();
}
