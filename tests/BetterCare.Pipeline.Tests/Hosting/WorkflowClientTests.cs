using BetterCare.Pipeline.Ports;
using BetterCare.Pipeline.Workflow;
using Microsoft.Extensions.DependencyInjection;

namespace BetterCare.Pipeline.Tests.Hosting;

/// <summary>The standalone host's workflow client against the real task hub on Azurite.</summary>
public class WorkflowClientTests
{
    [Fact]
    public async Task AnInstanceIsStartedOnceQueriedSignalledAndTerminated()
    {
        await using var azurite = await Azurite.StartAsync();
        await using var app = new PipelineApp(azurite.ConnectionString, PipelineApp.WithoutEngine);
        var client = app.Services.GetRequiredService<IWorkflowClient>();
        const string Id = "s0123456789abcdef01234567";
        var input = new SubmissionInput(Id, Retry: false, MaxAttempts: 1, TimeSpan.FromSeconds(1));

        Assert.Null(await client.GetAsync(Id, CancellationToken.None));
        Assert.True(await client.StartAsync(SubmissionOrchestrator.Name, Id, input, CancellationToken.None));

        // Nothing runs it here (no engine): it stays pending, so a second start leaves it alone.
        Assert.False(await client.StartAsync(SubmissionOrchestrator.Name, Id, input, CancellationToken.None));
        var pending = await client.GetAsync(Id, CancellationToken.None);
        Assert.Equal(WorkflowRuntimeStatus.Pending, pending!.Status);
        Assert.Equal(SubmissionOrchestrator.Name, pending.Name);

        await client.RaiseEventAsync(Id, "Decision", new { Signatory = "g0123456789abcdef" }, CancellationToken.None);
        await client.TerminateAsync(Id, "ended by the test", CancellationToken.None);

        // A host with its engine takes the instance's messages: it ends terminated, its steps never run.
        await using (var running = new PipelineApp(azurite.ConnectionString))
        {
            _ = running.Services;
            var ended = await Eventually.Async(() => client.GetAsync(Id, CancellationToken.None), i => i?.Status == WorkflowRuntimeStatus.Terminated, "the instance to be terminated");
            Assert.Equal(WorkflowRuntimeStatus.Terminated, ended!.Status);
        }

        // A finished instance is started afresh.
        Assert.True(await client.StartAsync(SubmissionOrchestrator.Name, Id, input, CancellationToken.None));
        Assert.Equal(WorkflowRuntimeStatus.Pending, (await client.GetAsync(Id, CancellationToken.None))!.Status);
    }
}
