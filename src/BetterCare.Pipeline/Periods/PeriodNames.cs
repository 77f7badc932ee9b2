namespace BetterCare.Pipeline.Periods;

/// <summary>Periods as people write them.</summary>
public static class PeriodNames
{
    /// <summary>"2017-18-Q2" as "2017-18 quarter 2"; anything else as it is.</summary>
    public static string Title(string period)
    {
        ArgumentNullException.ThrowIfNull(period);
        return period.Length > 3 && period[^3] == '-' && period[^2] == 'Q' ? $"{period[..^3]} quarter {period[^1]}" : period;
    }
}
