using BetterCare.Pipeline.Tests.Support;

namespace BetterCare.Pipeline.Tests;

public class WorkerKilledTests
{
    [Fact]
    public async Task WorkerKilledMidWorkflowFinishesEverySubmissionOnceAfterRestart()
    {
        await using var azurite = await Azurite.StartAsync();
        var storage = new Storage(azurite.ConnectionString);
        var ids = new List<(string Id, string Period, double Forecast)>();
        var killedWhile = 0;

        await using (var app = await AppProcess.StartAsync(azurite.ConnectionString))
        {
            using var client = app.Client(PipelineApp.NelKey);

            // Eight periods, then each submitted again (some twice) with another council forecast: twenty returns.
            var uploads = Workbook.NelPeriods.Select(p => (p.Year, p.Quarter, Forecast: 6.5))
                .Concat(Workbook.NelPeriods.Select(p => (p.Year, p.Quarter, Forecast: 6.6)))
                .Concat(Workbook.NelPeriods.Take(4).Select(p => (p.Year, p.Quarter, Forecast: 6.7)))
                .ToList();
            foreach (var (year, quarter, forecast) in uploads)
            {
                var id = await Workbook.UploadedIdAsync(client, Workbook.Nel(year, quarter, forecast), $"nel-{year}-{quarter}.xlsx");
                ids.Add((id, $"{year}-{quarter}", forecast));
            }

            var states = await Eventually.Async(storage.SubmissionStatesAsync, rows => rows.Any(IsFinal), "some submissions to finish", seconds: 120);
            app.Kill();
            killedWhile = states.Count(r => !IsFinal(r));
        }

        Assert.True(killedWhile > 0, "The worker was killed after every submission had finished, so the test proved nothing.");
        await using (var restarted = await AppProcess.StartAsync(azurite.ConnectionString))
        {
            await Eventually.Async(storage.SubmissionStatesAsync, rows => rows.Count == ids.Count && rows.All(IsFinal), "every submission to finish after the restart", seconds: 120);
            await Finished.ExactlyOnceAsync(storage, ids);
        }
    }

    private static bool IsFinal(Azure.Data.Tables.TableEntity state) => state.GetString("Step") == "Done" || state.GetString("Status") == "Failed";
}
