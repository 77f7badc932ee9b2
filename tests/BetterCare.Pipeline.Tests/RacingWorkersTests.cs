using BetterCare.Infrastructure;
using BetterCare.Pipeline.Ports;
using BetterCare.Pipeline.Submissions;
using BetterCare.Pipeline.Workflow;
using Microsoft.Extensions.DependencyInjection;

namespace BetterCare.Pipeline.Tests;

/// <summary>Two app instances (two hosts on one task hub) on one storage account, both watching the same inbox.</summary>
public class RacingWorkersTests
{
    [Fact]
    public async Task TwoInstancesFinishEverySubmissionOnce()
    {
        await using var azurite = await Azurite.StartAsync();
        await using var first = new PipelineApp(azurite.ConnectionString);
        await using var second = new PipelineApp(azurite.ConnectionString);
        using var one = first.Client(PipelineApp.NelKey);
        using var two = second.Client(PipelineApp.NelKey);
        var storage = new Storage(azurite.ConnectionString);

        // Eight periods, and two of them submitted again with another council forecast.
        var uploads = Workbook.NelPeriods.Select(p => (p.Year, p.Quarter, Forecast: 6.5))
            .Concat([("2017-18", "Q2", 6.6), ("2016-17", "Q3", 6.7)])
            .ToList();
        var ids = new List<(string Id, string Period, double Forecast)>();
        for (var i = 0; i < uploads.Count; i++)
        {
            var (year, quarter, forecast) = uploads[i];
            var id = await Workbook.UploadedIdAsync(i % 2 == 0 ? one : two, Workbook.Nel(year, quarter, forecast), $"nel-{year}-{quarter}.xlsx");
            ids.Add((id, $"{year}-{quarter}", forecast));
        }

        foreach (var (id, _, _) in ids)
        {
            await Status.FinalAsync(one, id);
        }

        await Finished.ExactlyOnceAsync(storage, ids);
    }

    [Fact]
    public async Task SameStepHandledByBothInstancesAtOnceHasOneResult()
    {
        await using var azurite = await Azurite.StartAsync();
        await using var first = new PipelineApp(azurite.ConnectionString, PipelineApp.WithoutEngine);
        await using var second = new PipelineApp(azurite.ConnectionString, PipelineApp.WithoutEngine);
        using var client = first.Client(PipelineApp.AdminKey);
        var workflows = new[] { first, second }.Select(a => a.Services.GetRequiredService<SubmissionWorkflow>()).ToList();
        var blobs = first.Services.GetRequiredService<IReturnBlobs>();
        var storage = new Storage(azurite.ConnectionString);
        var etag = await blobs.PutInboxAsync("race-nel-q2.xlsx", Workbook.Clean(), null, CancellationToken.None);
        var submission = await workflows[0].StartAsync("race-nel-q2.xlsx", etag, "nel-q2.xlsx", "race", CancellationToken.None);

        // Every step's activity, run by both instances at once (the engine runs each at least once), in order; each run is
        // handed what the orchestration hands it: the row's ETag as the previous step left it (so the instance that saved
        // that version starts from its own copy) and, for Notify, what Aggregate came to.
        var input = new StepInput(submission.Id, submission.ETag);
        foreach (var step in new[] { WorkflowStep.Process, WorkflowStep.Aggregate, WorkflowStep.Notify })
        {
            var outcomes = await Race(workflows, input, step);
            Assert.All(outcomes, o => Assert.True(o.Continue));
            Assert.Single(outcomes.Select(o => o.ETag).Distinct());
            input = input with { ETag = outcomes[0].ETag, Aggregated = outcomes[0].Aggregated ?? input.Aggregated };
        }

        var status = await Status.GetAsync(client, submission.Id);
        Assert.Equal("Accepted", status.GetProperty("status").GetString());
        Assert.Equal("Done", status.GetProperty("step").GetString());
        await Finished.ExactlyOnceAsync(storage, [(submission.Id, "2017-18-Q2", 6.5)], orchestrated: false);
    }

    private static Task<StepOutcome[]> Race(IReadOnlyList<SubmissionWorkflow> workflows, StepInput input, WorkflowStep step) =>
        Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => workflows[i % 2].RunStepAsync(input, step, CancellationToken.None))));
}

/// <summary>Checks that a batch of clean NEL returns each finished exactly once, and the totals count each period once.</summary>
internal static class Finished
{
    /// <summary>The events every clean return's history has, each once (later steps may add more).</summary>
    public static IReadOnlyList<string> Core { get; } = ["Received", "Archived", "Validated", "Accepted", "Aggregated"];

    /// <param name="orchestrated">Whether the engine ran them, so each has a completed orchestration (else a test ran the steps itself).</param>
    public static async Task ExactlyOnceAsync(Storage storage, IReadOnlyList<(string Id, string Period, double Forecast)> submissions, bool orchestrated = true)
    {
        if (orchestrated)
        {
            // The accepted returns' sign-off orchestrations write their request lines a moment after the workflow finishes.
            await Eventually.Async(
                async () => await Task.WhenAll((await storage.SubmissionStatesAsync()).Where(s => s.GetString("Status") == "Accepted").Select(s => storage.EventsAsync(s.PartitionKey))),
                all => all.All(events => events.Contains("Requested")),
                "every accepted return's sign-off to be requested");
        }

        var states = (await storage.SubmissionStatesAsync()).ToDictionary(s => s.PartitionKey);
        Assert.Equal(submissions.Count, states.Count);
        foreach (var (id, _, _) in submissions)
        {
            var state = states[id];
            Assert.Equal("Done", state.GetString("Step"));
            var events = await storage.EventsAsync(id);
            Assert.Equal(events.Distinct(), events);
            Assert.Equal(state.GetInt32("HistoryCount"), events.Count);
            Assert.All(Core, e => Assert.Contains(e, events));
            Assert.Equal(state.GetString("Status") == "Superseded", events.Contains("Superseded"));
        }

        var archived = await storage.BlobNamesAsync(StorageNames.ArchiveContainer);
        Assert.Equal(submissions.Select(s => s.Id).Order(StringComparer.Ordinal), archived.Select(a => Path.GetFileNameWithoutExtension(a)).Order(StringComparer.Ordinal));
        Assert.Empty(await storage.BlobNamesAsync(StorageNames.InboxContainer));
        if (orchestrated)
        {
            var orchestrations = await storage.OrchestrationsAsync();
            Assert.All(submissions, s => Assert.Equal("Completed", orchestrations[s.Id]));
        }

        foreach (var period in submissions.GroupBy(s => s.Period))
        {
            // The latest received counts; every other one is superseded by it.
            var latest = period.Select(s => (s.Id, s.Forecast, At: states[s.Id].GetDateTimeOffset("ReceivedAt")!.Value))
                .OrderByDescending(s => s.At).ThenByDescending(s => s.Id, StringComparer.Ordinal).First();
            Assert.All(period, s => Assert.Equal(s.Id == latest.Id ? "Accepted" : "Superseded", states[s.Id].GetString("Status")));
            var totals = await storage.TotalsAsync(period.Key);
            var row = Assert.Single(totals, e => e.RowKey == "hwb|E06000012");
            Assert.Equal(latest.Id, row.GetString("AcceptedSubmissionId"));
            var councilForecast = (long)Math.Round(latest.Forecast * 100_000_000);
            Assert.Equal(1_790_000_000L, row.GetInt64("PoolPence"));
            Assert.Equal(1_140_000_000L + councilForecast, row.GetInt64("ForecastPence"));
            var lines = totals.Where(e => e.RowKey.StartsWith("line|", StringComparison.Ordinal)).ToList();
            Assert.Equal(["line|03H|E06000012", "line|E06000012|E06000012"], lines.Select(l => l.RowKey).Order(StringComparer.Ordinal));
            Assert.Equal(councilForecast, lines.Single(l => l.RowKey == "line|E06000012|E06000012").GetInt64("ForecastPence"));
        }
    }
}
