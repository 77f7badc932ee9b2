using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BetterCare.Infrastructure;
using BetterCare.Pipeline.Ports;
using BetterCare.Pipeline.Submissions;
using BetterCare.Pipeline.Workflow;
using Microsoft.Extensions.DependencyInjection;

namespace BetterCare.Pipeline.Tests;

public class PoisonTests
{
    private static readonly Dictionary<string, string> Quick = new()
    {
        ["BetterCare:Pipeline:MaxDequeueCount"] = "2",
        ["BetterCare:StepVisibilityTimeout"] = "00:00:01",
    };

    [Fact]
    public async Task StepThatAlwaysThrowsEndsFailedOnThePoisonQueueAndAnAdminRetryFinishesIt()
    {
        await using var azurite = await Azurite.StartAsync();
        var archive = new FailingArchive();
        await using var app = new PipelineApp(azurite.ConnectionString, archive.Register, Quick);
        using var lead = app.Client(PipelineApp.NelKey);
        using var admin = app.Client(PipelineApp.AdminKey);
        var storage = new Storage(azurite.ConnectionString);

        var id = await Workbook.UploadedIdAsync(lead, Workbook.Clean(), "nel-q2.xlsx");
        var failed = await Status.FinalAsync(lead, id);

        Assert.Equal("Failed", failed.GetProperty("status").GetString());
        Assert.Contains(FailingArchive.Reason, failed.GetProperty("failureReason").GetString(), StringComparison.Ordinal);
        Assert.Equal(["Received", "Failed"], await storage.EventsAsync(id));
        // The worker marks the submission Failed first, then moves the message.
        var poisonQueue = storage.Clients.Queues.GetQueueClient(StorageNames.PoisonQueue);
        var poison = await Eventually.Async(async () => (await poisonQueue.PeekMessagesAsync(32)).Value, m => m.Length > 0, "the message to reach the poison queue");
        Assert.Equal(new StepMessage(id, WorkflowStep.Process).ToText(), Assert.Single(poison).MessageText);
        Assert.Empty(await storage.BlobNamesAsync(StorageNames.ArchiveContainer));

        using (var byLead = await lead.PostAsync(new Uri($"/api/returns/{id}/retry", UriKind.Relative), null))
        {
            await Refused.Async(byLead, HttpStatusCode.Forbidden, "Only an administrator");
        }

        archive.Failing = false;
        using (var retry = await admin.PostAsync(new Uri($"/api/returns/{id}/retry", UriKind.Relative), null))
        {
            Assert.Equal(HttpStatusCode.Accepted, retry.StatusCode);
            Assert.Equal("Received", (await retry.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        }

        var done = await Status.FinalAsync(lead, id);
        Assert.Equal("Accepted", done.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, done.GetProperty("failureReason").ValueKind);
        var events = await storage.EventsAsync(id);
        Assert.Equal(["Received", "Failed", "Retried", "Archived", "Validated", "Accepted", "Aggregated"], events.Take(7));
        Assert.Equal(events.Distinct(), events);
        Assert.Single(await storage.BlobNamesAsync(StorageNames.ArchiveContainer));
        using var again = await admin.PostAsync(new Uri($"/api/returns/{id}/retry", UriKind.Relative), null);
        await Refused.Async(again, HttpStatusCode.Conflict, "is Accepted, not Failed");
    }

    [Fact]
    public async Task RetryMessageThatOvertakesTheSavedRetryComesBackInsteadOfBeingDropped()
    {
        await using var azurite = await Azurite.StartAsync();
        var archive = new FailingArchive();
        await using var app = new PipelineApp(azurite.ConnectionString, archive.Register, Quick);
        using var lead = app.Client(PipelineApp.NelKey);
        var workflow = app.Services.GetRequiredService<SubmissionWorkflow>();
        var id = await Workbook.UploadedIdAsync(lead, Workbook.Clean(), "nel-q2.xlsx");
        Assert.Equal("Failed", (await Status.FinalAsync(lead, id)).GetProperty("status").GetString());

        // An operator's retry sends the step's message and then saves the retry; a worker can get the message in between.
        var early = await workflow.HandleAsync(new StepMessage(id, WorkflowStep.Process).ToText(), 1, CancellationToken.None);
        var last = await workflow.HandleAsync(new StepMessage(id, WorkflowStep.Process).ToText(), 2, CancellationToken.None);

        Assert.Equal(StepResult.Retry, early);
        Assert.Equal(StepResult.Done, last);
        Assert.Equal(["Received", "Failed"], await new Storage(azurite.ConnectionString).EventsAsync(id));
    }

    [Fact]
    public async Task AStepWhoseSaveAlwaysFailsEndsFailedAtThatStep()
    {
        await using var azurite = await Azurite.StartAsync();
        await using var app = new PipelineApp(azurite.ConnectionString, services => services.AddSingleton<IReturnTables>(sp => new UnsavableOutcome(new AzureReturnTables(sp.GetRequiredService<StorageClients>()))), Quick);
        using var lead = app.Client(PipelineApp.NelKey);

        var id = await Workbook.UploadedIdAsync(lead, Workbook.Clean(), "nel-q2.xlsx");
        var failed = await Status.FinalAsync(lead, id);

        // The outcome was worked out in memory but never saved: the submission fails at Process, where it stands.
        Assert.Equal("Failed", failed.GetProperty("status").GetString());
        Assert.Equal("Process", failed.GetProperty("step").GetString());
        Assert.Contains(UnsavableOutcome.Reason, failed.GetProperty("failureReason").GetString(), StringComparison.Ordinal);
    }

    /// <summary>The tables, refusing to save any processed outcome.</summary>
    private sealed class UnsavableOutcome(IReturnTables inner) : ForwardingTables(inner)
    {
        public const string Reason = "the submissions table refused the outcome (test fault)";

        public override Task SaveSubmissionAsync(Submission submission, CancellationToken cancellationToken) =>
            submission.Step == WorkflowStep.Aggregate && submission.Status != SubmissionStatus.Failed
                ? throw new IOException(Reason)
                : base.SaveSubmissionAsync(submission, cancellationToken);
    }

    /// <summary>The blob store with an archive that refuses every write while <see cref="Failing"/> is set.</summary>
    private sealed class FailingArchive
    {
        public const string Reason = "the archive container is unavailable (test fault)";

        private volatile bool _failing = true;

        public bool Failing
        {
            get => _failing;
            set => _failing = value;
        }

        public void Register(IServiceCollection services) =>
            services.AddSingleton<IReturnBlobs>(sp => new Blobs(new AzureReturnBlobs(sp.GetRequiredService<StorageClients>()), this));

        private sealed class Blobs(IReturnBlobs inner, FailingArchive fault) : ForwardingBlobs(inner)
        {
            public override Task PutArchiveAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken) =>
                fault.Failing ? throw new IOException(Reason) : base.PutArchiveAsync(path, content, cancellationToken);
        }
    }
}
