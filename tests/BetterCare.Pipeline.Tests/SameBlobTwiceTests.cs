using BetterCare.App.Triggers;
using BetterCare.Infrastructure;
using BetterCare.Pipeline.Ports;
using Microsoft.Extensions.DependencyInjection;

namespace BetterCare.Pipeline.Tests;

public class SameBlobTwiceTests
{
    [Fact]
    public async Task BlobDroppedInTheInboxAndSeenManyTimesMakesOneSubmission()
    {
        await using var azurite = await Azurite.StartAsync();
        await using var app = new PipelineApp(azurite.ConnectionString);
        using var client = app.Client(PipelineApp.AdminKey);
        var storage = new Storage(azurite.ConnectionString);
        var trigger = app.Services.GetRequiredService<InboxTrigger>();
        var inbox = storage.Clients.Blobs.GetBlobContainerClient(StorageNames.InboxContainer);
        await inbox.CreateIfNotExistsAsync();

        // Dropped straight into the container, as a person with storage access (or Azure's own upload) would.
        var upload = await inbox.GetBlobClient("dropped-nel-q2.xlsx").UploadAsync(BinaryData.FromBytes(Workbook.Clean()));
        var blob = new InboxBlob("dropped-nel-q2.xlsx", upload.Value.ETag.ToString(), upload.Value.LastModified, 0, null);

        // The poll is running too; these see the same blob again, at once and repeatedly.
        var seen = Enumerable.Range(0, 8).Select(i => i % 2 == 0 ? trigger.HandleAsync(blob, CancellationToken.None) : trigger.SweepAsync(CancellationToken.None));
        await Task.WhenAll(seen);
        var states = await Eventually.Async(storage.SubmissionStatesAsync, rows => rows.Count > 0, "the inbox blob to start a submission");
        var id = Assert.Single(states).PartitionKey;
        await Status.FinalAsync(client, id);
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => trigger.HandleAsync(blob, CancellationToken.None)));
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => trigger.SweepAsync(CancellationToken.None)));
        var status = await Status.FinalAsync(client, id);

        var state = Assert.Single(await storage.SubmissionStatesAsync());
        Assert.Equal("dropped-nel-q2.xlsx", state.GetString("InboxBlob"));
        Assert.Equal("Accepted", status.GetProperty("status").GetString());
        Assert.Equal("inbox", state.GetString("Uploader"));
        var events = await storage.EventsAsync(id);
        Assert.Equal(events.Distinct(), events);
        Assert.All(Finished.Core, e => Assert.Contains(e, events));
        Assert.Equal($"2017-18/Q2/E06000012/{id}.xlsx", Assert.Single(await storage.BlobNamesAsync(StorageNames.ArchiveContainer)));
        Assert.Empty(await storage.BlobNamesAsync(StorageNames.InboxContainer));
        Assert.Equal(new Dictionary<string, string> { [id] = "Completed" }, await storage.OrchestrationsAsync());
    }
}
