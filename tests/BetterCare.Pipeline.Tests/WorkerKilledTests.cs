using BetterCare.Pipeline.Tests.Support;

namespace BetterCare.Pipeline.Tests;

public class WorkerKilledTests
{
    [Fact]
    public async Task HostKilledTwiceWithThirtyUploadsInFlightFinishesEverySubmissionOnce()
    {
        await using var azurite = await Azurite.StartAsync();
        var storage = new Storage(azurite.ConnectionString);
        var ids = new List<(string Id, string Period, double Forecast)>();

        // Eight periods, then each submitted again (some twice more) with another council forecast: thirty returns.
        var uploads = Workbook.NelPeriods.Select(p => (p.Year, p.Quarter, Forecast: 6.5))
            .Concat(Workbook.NelPeriods.Select(p => (p.Year, p.Quarter, Forecast: 6.6)))
            .Concat(Workbook.NelPeriods.Select(p => (p.Year, p.Quarter, Forecast: 6.7)))
            .Concat(Workbook.NelPeriods.Take(6).Select(p => (p.Year, p.Quarter, Forecast: 6.8)))
            .ToList();
        Assert.Equal(30, uploads.Count);

        var killedWhile = new List<int>();
        await using (var app = await AppProcess.StartAsync(azurite.ConnectionString))
        {
            using var client = app.Client(PipelineApp.NelKey);
            foreach (var (year, quarter, forecast) in uploads)
            {
                var id = await Workbook.UploadedIdAsync(client, Workbook.Nel(year, quarter, forecast), $"nel-{year}-{quarter}.xlsx");
                ids.Add((id, $"{year}-{quarter}", forecast));
            }

            killedWhile.Add(await KillOnceSomeHaveFinishedAsync(app, storage, 1));
        }

        await using (var restarted = await AppProcess.StartAsync(azurite.ConnectionString))
        {
            var before = (await storage.SubmissionStatesAsync()).Count(IsFinal);
            killedWhile.Add(await KillOnceSomeHaveFinishedAsync(restarted, storage, before + 1));
        }

        Assert.All(killedWhile, unfinished => Assert.True(unfinished > 0, "A host was killed after every submission had finished, so the test proved nothing."));
        await using (var last = await AppProcess.StartAsync(azurite.ConnectionString))
        {
            await Eventually.Async(
                async () => new Progress(await storage.SubmissionStatesAsync(), await storage.OrchestrationsAsync()),
                p => p.States.Count == ids.Count && p.States.All(IsFinal),
                "every submission to finish after the restarts",
                seconds: 180);
            await Eventually.Async(() => storage.OrchestrationsAsync(), o => ids.All(i => o.GetValueOrDefault(i.Id) == "Completed"), "every orchestration to complete", seconds: 60);
            await Finished.ExactlyOnceAsync(storage, ids);
        }
    }

    /// <summary>Kills the host outright once at least <paramref name="finished"/> submissions are final; how many were not.</summary>
    private static async Task<int> KillOnceSomeHaveFinishedAsync(AppProcess app, Storage storage, int finished)
    {
        var states = await Eventually.Async(storage.SubmissionStatesAsync, rows => rows.Count(IsFinal) >= finished, $"{finished} submission(s) to finish", seconds: 120);
        app.Kill();
        return states.Count(r => !IsFinal(r));
    }

    /// <summary>The submissions' states and their orchestrations' statuses; says which are unfinished, if the wait gives up.</summary>
    private sealed record Progress(List<Azure.Data.Tables.TableEntity> States, Dictionary<string, string> Orchestrations)
    {
        public override string ToString() =>
            $"{States.Count} submissions; unfinished: " + string.Join(", ", States.Where(s => !IsFinal(s))
                .Select(s => $"{s.PartitionKey} at {s.GetString("Step")}/{s.GetString("Status")}, orchestration {Orchestrations.GetValueOrDefault(s.PartitionKey) ?? "none"}"));
    }

    private static bool IsFinal(Azure.Data.Tables.TableEntity state) => state.GetString("Step") == "Done" || state.GetString("Status") == "Failed";
}
