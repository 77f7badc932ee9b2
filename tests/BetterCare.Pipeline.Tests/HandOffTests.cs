using System.Text.Json;
using BetterCare.Infrastructure;
using BetterCare.Pipeline.Periods;
using BetterCare.Pipeline.Ports;
using BetterCare.Pipeline.Submissions;
using BetterCare.Pipeline.Workflow;
using Microsoft.Extensions.DependencyInjection;

namespace BetterCare.Pipeline.Tests;

/// <summary>
/// A worker that finishes a step rewrites the message it holds for the next step and goes on with
/// it; each step still gets its own tries, however many deliveries the message had before.
/// </summary>
public class HandOffTests
{
    private static readonly Dictionary<string, string> Quick = new()
    {
        ["BetterCare:Pipeline:MaxDequeueCount"] = "3",
        ["BetterCare:StepVisibilityTimeout"] = "00:00:01",
    };

    [Fact]
    public async Task AStepAfterAHandOffGetsItsOwnTriesBeforeTheSubmissionFails()
    {
        await using var azurite = await Azurite.StartAsync();
        var faults = new Faults();
        await using var app = new PipelineApp(azurite.ConnectionString, faults.Register, Quick);
        using var lead = app.Client(PipelineApp.NelKey);
        var storage = new Storage(azurite.ConnectionString);

        var id = await Workbook.UploadedIdAsync(lead, Workbook.Clean(), "nel-q2.xlsx");
        var failed = await Status.FinalAsync(lead, id);

        // Process failed twice and passed on its third delivery; Aggregate then had three tries of its own.
        Assert.Equal(3, faults.ArchiveWrites);
        Assert.Equal(3, faults.PeriodWrites);
        Assert.Equal("Failed", failed.GetProperty("status").GetString());
        Assert.Equal("Aggregate", failed.GetProperty("step").GetString());
        Assert.Contains(Faults.Reason, failed.GetProperty("failureReason").GetString(), StringComparison.Ordinal);
        Assert.Equal(["Received", "Archived", "Validated", "Accepted", "Failed"], await storage.EventsAsync(id));

        // The message parked for an operator is the Aggregate step's.
        var poisonQueue = storage.Clients.Queues.GetQueueClient(StorageNames.PoisonQueue);
        var poison = await Eventually.Async(async () => (await poisonQueue.PeekMessagesAsync(32)).Value, m => m.Length > 0, "the message to reach the poison queue");
        Assert.True(StepMessage.TryParse(Assert.Single(poison).MessageText, out var parked));
        Assert.Equal((id, WorkflowStep.Aggregate), (parked.SubmissionId, parked.Step));
        Assert.Empty(await storage.BlobNamesAsync(StorageNames.InboxContainer));
    }

    [Fact]
    public void AStepMessageCountsOnlyItsOwnDeliveries()
    {
        var rewritten = new StepMessage("s0123456789abcdef01234567", WorkflowStep.Notify, PriorDeliveries: 3);

        Assert.True(StepMessage.TryParse(rewritten.ToText(), out var read));
        Assert.Equal(rewritten, read);
        Assert.Equal(1, read.DeliveryOfStep(4));
        Assert.Equal(2, read.DeliveryOfStep(5));
        Assert.DoesNotContain("Prior", new StepMessage(rewritten.SubmissionId, WorkflowStep.Process).ToText(), StringComparison.Ordinal);
        Assert.False(StepMessage.TryParse(JsonSerializer.Serialize(new { rewritten.SubmissionId, Step = "Notify", Prior = -1 }), out _));
    }

    /// <summary>The archive refuses its first two writes; the period totals refuse every write.</summary>
    private sealed class Faults
    {
        public const string Reason = "the totals table is unavailable (test fault)";

        private int _archiveWrites;
        private int _periodWrites;

        public int ArchiveWrites => Volatile.Read(ref _archiveWrites);

        public int PeriodWrites => Volatile.Read(ref _periodWrites);

        public void Register(IServiceCollection services)
        {
            services.AddSingleton<IReturnBlobs>(sp => new Blobs(new AzureReturnBlobs(sp.GetRequiredService<StorageClients>()), this));
            services.AddSingleton<IReturnTables>(sp => new Tables(new AzureReturnTables(sp.GetRequiredService<StorageClients>()), this));
        }

        private sealed class Blobs(IReturnBlobs inner, Faults faults) : ForwardingBlobs(inner)
        {
            public override Task PutArchiveAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken) =>
                Interlocked.Increment(ref faults._archiveWrites) <= 2 ? throw new IOException("the archive is busy (test fault)") : base.PutArchiveAsync(path, content, cancellationToken);
        }

        private sealed class Tables(IReturnTables inner, Faults faults) : ForwardingTables(inner)
        {
            public override Task SavePeriodReturnAsync(PeriodReturn row, IReadOnlyList<ContributionLine> lines, IReadOnlyList<string> removedPartnerKeys, CancellationToken cancellationToken)
            {
                Interlocked.Increment(ref faults._periodWrites);
                throw new IOException(Reason);
            }
        }
    }
}
