using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BetterCare.Infrastructure;
using BetterCare.Pipeline.Ports;
using BetterCare.Pipeline.Submissions;
using Microsoft.Extensions.DependencyInjection;

namespace BetterCare.Pipeline.Tests;

/// <summary>A step (an activity) that keeps failing: the engine's retries, then Failed with a reason, then an administrator's retry.</summary>
public class FailedStepTests
{
    private static readonly Dictionary<string, string> Quick = new()
    {
        ["BetterCare:Pipeline:MaxAttempts"] = "2",
        ["BetterCare:Pipeline:FirstRetryInterval"] = "00:00:00.100",
    };

    [Fact]
    public async Task StepThatAlwaysThrowsEndsFailedWithItsReasonAndAnAdminRetryFinishesIt()
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
        Assert.Equal("Process", failed.GetProperty("step").GetString());
        Assert.Equal(["Received", "Failed"], await storage.EventsAsync(id));
        // The orchestration ends once the submission is marked Failed; the upload waits in the inbox for a retry.
        await Eventually.Async(() => storage.OrchestrationStatusAsync(id), s => s == "Completed", "the orchestration to end");
        Assert.Empty(await storage.BlobNamesAsync(StorageNames.ArchiveContainer));
        Assert.Single(await storage.BlobNamesAsync(StorageNames.InboxContainer));

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
    public async Task TwoRetriesAtOnceRunTheWorkflowOnce()
    {
        await using var azurite = await Azurite.StartAsync();
        var archive = new FailingArchive();
        await using var app = new PipelineApp(azurite.ConnectionString, archive.Register, Quick);
        using var lead = app.Client(PipelineApp.NelKey);
        using var admin = app.Client(PipelineApp.AdminKey);
        var storage = new Storage(azurite.ConnectionString);
        var id = await Workbook.UploadedIdAsync(lead, Workbook.Clean(), "nel-q2.xlsx");
        Assert.Equal("Failed", (await Status.FinalAsync(lead, id)).GetProperty("status").GetString());
        await Eventually.Async(() => storage.OrchestrationStatusAsync(id), s => s == "Completed", "the orchestration to end");
        archive.Failing = false;

        var retries = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => admin.PostAsync(new Uri($"/api/returns/{id}/retry", UriKind.Relative), null)));

        // One starts the orchestration again; the other finds it running and says so.
        Assert.Equal([HttpStatusCode.Accepted, HttpStatusCode.Conflict], retries.Select(r => r.StatusCode).Order());
        var done = await Status.FinalAsync(lead, id);
        Assert.Equal("Accepted", done.GetProperty("status").GetString());
        Assert.Single(await storage.EventsAsync(id), e => e == "Retried");
        foreach (var retry in retries)
        {
            retry.Dispose();
        }
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

    [Fact]
    public async Task ANotifyStepThatKeepsFailingEndsFailedAtNotifyWithItsTotalsCountedOnceAndARetryFinishesIt()
    {
        await using var azurite = await Azurite.StartAsync();
        var fault = new FaultSwitch();
        await using var app = new PipelineApp(azurite.ConnectionString, services => services.AddSingleton<IReturnTables>(sp => new UnsavableNotice(new AzureReturnTables(sp.GetRequiredService<StorageClients>()), fault)), Quick);
        using var lead = app.Client(PipelineApp.NelKey);
        using var admin = app.Client(PipelineApp.AdminKey);
        var storage = new Storage(azurite.ConnectionString);

        var id = await Workbook.UploadedIdAsync(lead, Workbook.Clean(), "nel-q2.xlsx");
        var failed = await Status.FinalAsync(lead, id);

        // The Aggregate step saved nothing on the state row; the failure is saved with what it came to.
        Assert.Equal("Failed", failed.GetProperty("status").GetString());
        Assert.Equal("Notify", failed.GetProperty("step").GetString());
        Assert.Contains(UnsavableNotice.Reason, failed.GetProperty("failureReason").GetString(), StringComparison.Ordinal);
        Assert.Equal(["Received", "Archived", "Validated", "Accepted", "Aggregated", "Failed"], await storage.EventsAsync(id));
        var counted = Assert.Single(await storage.TotalsAsync("2017-18-Q2"), e => e.RowKey == "hwb|E06000012");
        Assert.Equal(id, counted.GetString("AcceptedSubmissionId"));

        fault.On = false;
        using (var retry = await admin.PostAsync(new Uri($"/api/returns/{id}/retry", UriKind.Relative), null))
        {
            Assert.Equal(HttpStatusCode.Accepted, retry.StatusCode);
        }

        var done = await Status.FinalAsync(lead, id);
        Assert.Equal("Accepted", done.GetProperty("status").GetString());
        Assert.Equal("Done", done.GetProperty("step").GetString());
        var events = await storage.EventsAsync(id);
        Assert.Equal(["Received", "Archived", "Validated", "Accepted", "Aggregated", "Failed", "Retried", "Notified"], events.Take(8));
        Assert.Single(events, e => e == "Aggregated");
        Assert.Equal(counted.GetString("AcceptedSubmissionId"), Assert.Single(await storage.TotalsAsync("2017-18-Q2"), e => e.RowKey == "hwb|E06000012").GetString("AcceptedSubmissionId"));
    }

    /// <summary>The tables, refusing to save a Notify step's outcome while the fault is on.</summary>
    private sealed class UnsavableNotice(IReturnTables inner, FaultSwitch fault) : ForwardingTables(inner)
    {
        public const string Reason = "the submissions table refused the notice (test fault)";

        public override Task SaveSubmissionAsync(Submission submission, CancellationToken cancellationToken) =>
            fault.On && submission.Step == WorkflowStep.Done
                ? throw new IOException(Reason)
                : base.SaveSubmissionAsync(submission, cancellationToken);
    }

    /// <summary>A fault a test puts right while the app runs: on until it is turned off.</summary>
    private sealed class FaultSwitch
    {
        private volatile bool _on = true;

        public bool On
        {
            get => _on;
            set => _on = value;
        }
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

        private readonly FaultSwitch _fault = new();

        public bool Failing
        {
            get => _fault.On;
            set => _fault.On = value;
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
