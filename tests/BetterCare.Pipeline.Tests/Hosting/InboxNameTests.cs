using BetterCare.App.Triggers;
using BetterCare.Infrastructure;
using BetterCare.Pipeline.Ports;
using Microsoft.Extensions.DependencyInjection;

namespace BetterCare.Pipeline.Tests.Hosting;

/// <summary>The inbox trigger reads only plain file names directly in returns-inbox, whatever name it is handed.</summary>
public class InboxNameTests
{
    private const string Archived = "2017-18/Q2/E06000012/s0123456789abcdef01234567.xlsx";

    [Theory]
    [InlineData("../returns-archive/" + Archived)]
    [InlineData("../reports/2017-18-Q2/county-essex.xlsx")]
    [InlineData("E06000012/dropped/nel.xlsx")]
    [InlineData("nel\\dropped.xlsx")]
    [InlineData("nel.xlsx\nForged log line")]
    [InlineData(".hidden.xlsx")]
    public async Task ANameThatIsNotAPlainInboxFileChangesAndReadsNothing(string name)
    {
        await using var azurite = await Azurite.StartAsync();
        await using var app = new PipelineApp(azurite.ConnectionString);
        var storage = new Storage(azurite.ConnectionString);
        var blobs = app.Services.GetRequiredService<IReturnBlobs>();
        await blobs.PutArchiveAsync(Archived, Workbook.Clean(), CancellationToken.None);

        await app.Services.GetRequiredService<InboxTrigger>().HandleAsync(new InboxBlob(name, "\"0x8D0000000000001\"", DateTimeOffset.UtcNow, 1, null), CancellationToken.None);

        Assert.Empty(await storage.SubmissionStatesAsync());
        Assert.Equal([Archived], await storage.BlobNamesAsync(StorageNames.ArchiveContainer));
        Assert.Empty(await storage.OrchestrationsAsync());
    }

    [Fact]
    public async Task ABlobInAFolderOfTheInboxIsLeftAloneByThePoll()
    {
        await using var azurite = await Azurite.StartAsync();
        await using var app = new PipelineApp(azurite.ConnectionString);
        var storage = new Storage(azurite.ConnectionString);
        var blobs = app.Services.GetRequiredService<IReturnBlobs>();
        await blobs.PutInboxAsync("folder/nel-q2.xlsx", Workbook.Clean(), null, CancellationToken.None);
        var plain = await Workbook.UploadedIdAsync(app.Client(PipelineApp.NelKey), Workbook.Clean(), "nel-q2.xlsx");

        await Status.FinalAsync(app.Client(PipelineApp.NelKey), plain);
        await app.Services.GetRequiredService<InboxTrigger>().SweepAsync(CancellationToken.None);

        Assert.Equal([plain], (await storage.SubmissionStatesAsync()).Select(s => s.PartitionKey));
        Assert.Equal(["folder/nel-q2.xlsx"], await storage.BlobNamesAsync(StorageNames.InboxContainer));
    }
}
