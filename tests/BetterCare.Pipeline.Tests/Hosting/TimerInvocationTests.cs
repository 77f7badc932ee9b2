using System.Net;
using BetterCare.Functions.Functions;
using BetterCare.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace BetterCare.Pipeline.Tests.Hosting;

/// <summary>The timer functions as the host invokes them, on a day inside the 2017-18 Q2 collection window.</summary>
public class TimerInvocationTests
{
    private static readonly DateTimeOffset InWindow = new(2017, 10, 2, 6, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task RollupTimerRollsUpThePeriodInItsCollectionWindow()
    {
        await using var azurite = await Azurite.StartAsync();
        await using var app = Hosted(azurite.ConnectionString);
        using var client = app.Client(null);
        var storage = new Storage(azurite.ConnectionString);

        var (data, metadata) = HostedApp.TimerPayload(FunctionCatalog.Rollup);
        using var response = await HostedApp.InvokeAsync(client, FunctionCatalog.Rollup, data, metadata);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("rolled up 2017-18-Q2", (await HostedApp.JsonAsync(response)).GetProperty("Logs")[0].GetString(), StringComparison.Ordinal);
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
        await using var app = Hosted(azurite.ConnectionString);
        using var client = app.Client(null);
        var storage = new Storage(azurite.ConnectionString);

        var (data, metadata) = HostedApp.TimerPayload(FunctionCatalog.SignOffTimers);
        using var response = await HostedApp.InvokeAsync(client, FunctionCatalog.SignOffTimers, data, metadata);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var timers = new List<Azure.Data.Tables.TableEntity>();
        await foreach (var row in storage.Clients.Tables.GetTableClient(StorageNames.TimersTable).QueryAsync<Azure.Data.Tables.TableEntity>())
        {
            timers.Add(row);
        }

        // The reminders and the deadline note of every period still ahead, 2017-18 Q2's among them.
        Assert.Contains(timers, t => t.Any(p => p.Value is string v && v == "2017-18-Q2"));
        Assert.True(timers.Count >= 3, $"expected the period's timers, found {timers.Count}");
    }

    private static PipelineApp Hosted(string connection) =>
        new(
            connection,
            services => services.AddSingleton<TimeProvider>(new FakeTimeProvider(InWindow)),
            new Dictionary<string, string> { ["FUNCTIONS_CUSTOMHANDLER_PORT"] = "0" });
}
