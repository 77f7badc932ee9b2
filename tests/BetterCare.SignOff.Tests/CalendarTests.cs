using BetterCare.Pipeline.SignOff;

namespace BetterCare.SignOff.Tests;

public class CalendarTests
{
    private static readonly SignOffCalendar Calendar = SignOffCalendar.Load(Repo.Reference, new SignOffOptions());

    [Fact]
    public void WorkingDaysSkipWeekendsAndBankHolidaysAndKeepTheLocalTime()
    {
        // Friday 22 December 2017, 10:00 in London; Christmas Day and Boxing Day are bank holidays.
        var friday = new DateTimeOffset(2017, 12, 22, 10, 0, 0, TimeSpan.Zero);

        Assert.Equal(new DateTimeOffset(2017, 12, 27, 10, 0, 0, TimeSpan.Zero), Calendar.AddWorkingDays(friday, 1));
        Assert.Equal(new DateTimeOffset(2017, 12, 29, 10, 0, 0, TimeSpan.Zero), Calendar.AddWorkingDays(friday, 3));
    }

    [Fact]
    public void TheClocksChangingKeepsTheLocalTimeOfDay()
    {
        // Thursday 26 October 2017, 09:00 BST (08:00 UTC); British Summer Time ends on Sunday 29 October.
        var thursday = new DateTimeOffset(2017, 10, 26, 8, 0, 0, TimeSpan.Zero);

        Assert.Equal(new DateTimeOffset(2017, 10, 31, 9, 0, 0, TimeSpan.Zero), Calendar.AddWorkingDays(thursday, 3));
    }

    [Fact]
    public void DeadlinesComeFromTheReferenceData()
    {
        Assert.Equal(new DateTimeOffset(2017, 11, 24, 17, 0, 0, TimeSpan.Zero), Calendar.DeadlineOf("2017-18-Q2"));
        Assert.Null(Calendar.DeadlineOf("2030-31-Q1"));
        Assert.Equal(new DateTimeOffset(2017, 11, 10, 9, 0, 0, TimeSpan.Zero), Calendar.WorkingDaysBefore(new DateOnly(2017, 11, 24), 10, TimeSpan.FromHours(9)));
    }

    [Fact]
    public void ADemonstrationCalendarRunsTheSameArithmeticFaster()
    {
        // From a real noon, a calendar day every two seconds, starting Friday 10 November 2017, 09:00 in London.
        var realStart = new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
        var options = new SignOffOptions
        {
            CalendarDayLength = TimeSpan.FromSeconds(2),
            CalendarStart = new DateTimeOffset(2017, 11, 10, 9, 0, 0, TimeSpan.Zero),
            CalendarRealStart = realStart,
        };
        var demo = SignOffCalendar.Load(Repo.Reference, options);

        // Three working days from the Friday is Wednesday 15 November: five calendar days, ten real seconds.
        Assert.Equal(realStart.AddSeconds(10), demo.AddWorkingDays(realStart, 3));
        Assert.Equal("Wednesday 15 November 2017, 09:00", demo.Describe(demo.AddWorkingDays(realStart, 3)));

        // The deadline, Friday 24 November at 17:00, is 14⅓ calendar days on.
        var deadline = realStart.AddSeconds(28 + (2.0 * 8 / 24));
        Assert.InRange(demo.DeadlineOf("2017-18-Q2")!.Value, deadline.AddMilliseconds(-1), deadline.AddMilliseconds(1));
        Assert.Equal(new DateOnly(2017, 11, 10), demo.DayOf(realStart.AddSeconds(1.2)));
        Assert.Equal(new DateOnly(2017, 11, 11), demo.DayOf(realStart.AddSeconds(2)));
        Assert.Equal(realStart.AddSeconds(3), demo.AddDays(realStart, 1.5));
    }
}
