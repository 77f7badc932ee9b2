using BetterCare.Returns.Model;

namespace BetterCare.App.Rollups;

/// <summary>
/// Which periods the scheduled roll-up covers: each period whose collection window is open (from
/// the end of its quarter to its deadline), and, once more, one whose deadline has just passed.
/// With the timer's daily default, that is daily during the window and once after the deadline.
/// </summary>
public static class RollupSchedule
{
    public static IReadOnlyList<ReturnPeriod> Due(DateTimeOffset now, IReadOnlyDictionary<string, DateOnly> deadlines, TimeSpan after)
    {
        ArgumentNullException.ThrowIfNull(deadlines);
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var due = new List<ReturnPeriod>();
        foreach (var (text, deadline) in deadlines)
        {
            if (!ReturnPeriod.TryParse(text, out var period))
            {
                continue;
            }

            var windowOpens = QuarterEnd(period).AddDays(1);
            // The deadline runs to the end of its day; the window stays open a while after it for the last roll-up.
            var windowCloses = deadline.AddDays(1).ToDateTime(TimeOnly.MinValue).Add(after);
            if (today >= windowOpens && now.UtcDateTime < windowCloses)
            {
                due.Add(period);
            }
        }

        return due.OrderBy(p => p.ToString(), StringComparer.Ordinal).ToList();
    }

    /// <summary>The last day of a financial quarter: Q1 ends in June, Q2 September, Q3 December, Q4 the next March.</summary>
    public static DateOnly QuarterEnd(ReturnPeriod period) => period.Quarter.Number switch
    {
        1 => new DateOnly(period.Year.StartYear, 6, 30),
        2 => new DateOnly(period.Year.StartYear, 9, 30),
        3 => new DateOnly(period.Year.StartYear, 12, 31),
        _ => new DateOnly(period.Year.StartYear + 1, 3, 31),
    };
}
