using BetterCare.App.Triggers;
using BetterCare.Infrastructure;
using BetterCare.Pipeline.Ports;
using BetterCare.Pipeline.Workflow;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace BetterCare.Pipeline.Tests.Triggers;

/// <summary>The timer functions as either host runs them, on a day inside the 2017-18 Q2 collection window.</summary>
public class TimerTests
{
    private static readonly DateTimeOffset InWindow = new(2017, 10, 2, 6, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task PeriodsTimerStartsEachLivePeriodOnceAndItsOrchestrationRollsUp()
    {
        await using var azurite = await Azurite.StartAsync();
        await using var app = OnAFakeClock(azurite.ConnectionString);
        var storage = new Storage(azurite.ConnectionString);
        var timers = app.Services.GetRequiredService<TimerFunctions>();

        var outcome = await timers.RunAsync(TimerSchedules.Periods, CancellationToken.None);
        Assert.Contains("2017-18-Q2", outcome, StringComparison.Ordinal);
        Assert.Contains("started none", await timers.RunAsync(TimerSchedules.Periods, CancellationToken.None), StringComparison.Ordinal);
        var instance = await app.Services.GetRequiredService<IWorkflowClient>().GetAsync(PeriodOrchestrator.InstanceFor("2017-18-Q2"), CancellationToken.None);
        Assert.NotNull(instance);
        Assert.Equal(PeriodOrchestrator.Name, instance.Name);

        // On a clock that stands still, every event of the period is already due: the roll-up rows and workbooks appear.
        var rows = new List<string>();
        for (var waited = 0; waited < 600 && !(rows.Contains("county|Essex") && rows.Contains("region|East of England")); waited++)
        {
            await Task.Delay(100);
            rows.Clear();
            await foreach (var row in storage.Clients.Tables.GetTableClient(StorageNames.RollupsTable).QueryAsync<Azure.Data.Tables.TableEntity>(e => e.PartitionKey == "2017-18-Q2"))
            {
                rows.Add(row.RowKey);
            }
        }

        Assert.Contains("county|Essex", rows);
        Assert.Contains("region|East of England", rows);
        Assert.Contains("2017-18-Q2/county-essex.xlsx", await storage.BlobNamesAsync(StorageNames.ReportsContainer));
    }

    /// <summary>The app on a fake clock, its own cron scheduler left to its (far-off) schedules.</summary>
    private static PipelineApp OnAFakeClock(string connection)
    {
        var app = new PipelineApp(connection, services => services.AddSingleton<TimeProvider>(new FakeTimeProvider(InWindow)));
        _ = app.Services;
        return app;
    }
}
