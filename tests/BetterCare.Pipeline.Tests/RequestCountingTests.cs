using System.Diagnostics;
using BetterCare.Infrastructure;
using BetterCare.Pipeline.Submissions;
using BetterCare.Pipeline.Workflow;

namespace BetterCare.Pipeline.Tests;

/// <summary>The storage request counter names the part of the pipeline each request came from, while the trace is listened to.</summary>
public class RequestCountingTests
{
    [Fact]
    public async Task RequestsAreCountedByThePartOfThePipelineThatSentThem()
    {
        await using var azurite = await Azurite.StartAsync();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == PipelineTracing.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
        };
        ActivitySource.AddActivityListener(listener);
        var clients = new StorageClients(azurite.ConnectionString);
        await clients.EnsureCreatedAsync(CancellationToken.None);
        var tables = new AzureReturnTables(clients);
        clients.Counter.Reset();

        using (PipelineTracing.StartUpload())
        {
            await tables.GetSubmissionAsync("s000000000000000000000001", CancellationToken.None);
        }

        using (PipelineTracing.StartStep(WorkflowStep.Process, "s000000000000000000000001"))
        {
            await tables.GetSubmissionAsync("s000000000000000000000001", CancellationToken.None);
        }

        using (PipelineTracing.StartStep(WorkflowStep.Aggregate, "s000000000000000000000001"))
        {
            await tables.GetSubmissionAsync("s000000000000000000000001", CancellationToken.None);
            await tables.GetSubmissionAsync("s000000000000000000000001", CancellationToken.None);
        }

        await tables.GetSubmissionAsync("s000000000000000000000001", CancellationToken.None);

        Assert.Equal(5, clients.Counter.Count);
        Assert.Equal(
            new Dictionary<string, long> { ["Upload"] = 1, ["Process"] = 1, ["Aggregate"] = 2, [StorageRequestCounter.Polling] = 1 },
            clients.Counter.ByPart);
    }
}
