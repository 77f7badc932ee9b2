using BetterCare.Infrastructure;
using BetterCare.Pipeline.Submissions;
using BetterCare.Pipeline.Workflow;

namespace BetterCare.Pipeline.Tests;

/// <summary>Rewriting a step message in place, as a worker hands a submission on.</summary>
public class StepQueueTests
{
    [Fact]
    public async Task AMessageIsRewrittenOnlyByTheWorkerThatStillHoldsIt()
    {
        await using var azurite = await Azurite.StartAsync();
        var clients = new StorageClients(azurite.ConnectionString);
        await clients.EnsureCreatedAsync(CancellationToken.None);
        var queue = new AzureStepQueue(clients);
        const string id = "s000000000000000000000001";
        await queue.SendAsync(new StepMessage(id, WorkflowStep.Process).ToText(), null, CancellationToken.None);

        // The first worker's hold runs out and a second receives the message.
        var first = Assert.Single(await queue.ReceiveAsync(1, TimeSpan.FromSeconds(1), CancellationToken.None));
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        var second = Assert.Single(await queue.ReceiveAsync(1, TimeSpan.FromSeconds(30), CancellationToken.None));

        // The first can no longer rewrite it; the second can, and keeps it hidden.
        var stale = await queue.UpdateAsync(first.MessageId, first.PopReceipt, new StepMessage(id, WorkflowStep.Aggregate, 1).ToText(), TimeSpan.FromSeconds(30), CancellationToken.None);
        Assert.Null(stale);
        var next = new StepMessage(id, WorkflowStep.Aggregate, 1).ToText();
        var receipt = await queue.UpdateAsync(second.MessageId, second.PopReceipt, next, TimeSpan.FromSeconds(30), CancellationToken.None);
        Assert.NotNull(receipt);
        Assert.Empty(await queue.ReceiveAsync(1, TimeSpan.FromSeconds(30), CancellationToken.None));

        // Let go at once, it is the next step's message for whoever receives it.
        var released = await queue.UpdateAsync(second.MessageId, receipt!, next, TimeSpan.Zero, CancellationToken.None);
        Assert.NotNull(released);
        var again = Assert.Single(await queue.ReceiveAsync(1, TimeSpan.FromSeconds(30), CancellationToken.None));
        Assert.Equal(next, again.MessageText);
        await queue.DeleteAsync(again.MessageId, again.PopReceipt, CancellationToken.None);
        Assert.Empty((await queue.Steps.PeekMessagesAsync(1)).Value);
    }
}
