using BetterCare.App.Triggers;
using BetterCare.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace BetterCare.Pipeline.Tests.Triggers;

/// <summary>The timer functions as either host runs them, on a day inside the 2017-18 Q2 collection window.</summary>
public class TimerTests
{
    private static readonly DateTimeOffset InWindow = new(2017, 10, 2, 6, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task RollupTimerRollsUpThePeriodInItsCollectionWindow()
    {
        await using var azurite = await Azurite.StartAsync();
        await using var app = OnAFakeClock(azurite.ConnectionString);
        var storage = new Storage(azurite.ConnectionString);

        var outcome = await app.Services.GetRequiredService<TimerFunctions>().RunAsync(TimerSchedules.Rollup, CancellationToken.None);

        Assert.Contains("rolled up 2017-18-Q2", outcome, StringComparison.Ordinal);
        var rows = new List<string>();
        await foreach (var row in storage.Clients.Tables.GetTableClient(StorageNames.RollupsTable).QueryAsync<Azure.Data.Tables.TableEntity>(e => e.PartitionKey == "2017-18-Q2"))
        {
            rows.Add(row.RowKey);
        }

        Assert.Contains("county|Essex", rows);
        Assert.Contains("region|East of England", rows);
        Assert.Contains("2017-18-Q2/county-essex.xlsx", await storage.BlobNamesAsync(StorageNames.ReportsContainer));
    }

    [Fact]
    public async Task SignOffTimersScanSchedulesThePeriodsRemindersAndDeadline()
    {
        await using var azurite = await Azurite.StartAsync();
        await using var app = OnAFakeClock(azurite.ConnectionString);
        var storage = new Storage(azurite.ConnectionString);

        await app.Services.GetRequiredService<TimerFunctions>().RunAsync(TimerSchedules.SignOffTimers, CancellationToken.None);

        var timers = new List<Azure.Data.Tables.TableEntity>();
        await foreach (var row in storage.Clients.Tables.GetTableClient(StorageNames.TimersTable).QueryAsync<Azure.Data.Tables.TableEntity>())
        {
            timers.Add(row);
        }

        // The reminders and the deadline note of every period still ahead, 2017-18 Q2's among them.
        Assert.Contains(timers, t => t.Any(p => p.Value is string v && v == "2017-18-Q2"));
        Assert.True(timers.Count >= 3, $"expected the period's timers, found {timers.Count}");
    }

    /// <summary>The app on a fake clock, its own cron scheduler left to its (far-off) schedules.</summary>
    private static PipelineApp OnAFakeClock(string connection)
    {
        var app = new PipelineApp(connection, services => services.AddSingleton<TimeProvider>(new FakeTimeProvider(InWindow)));
        _ = app.Services;
        return app;
    }
}
