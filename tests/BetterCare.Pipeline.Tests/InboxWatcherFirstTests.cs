using System.Net;
using BetterCare.App.Triggers;
using BetterCare.Pipeline.Ports;
using BetterCare.Pipeline.Workflow;
using Microsoft.Extensions.DependencyInjection;

namespace BetterCare.Pipeline.Tests;

/// <summary>
/// The race behind a lead's 404 for an upload just made: the inbox watcher can see the blob between
/// the upload's put and the request starting its workflow, and start it first.
/// </summary>
public class InboxWatcherFirstTests
{
    [Fact]
    public async Task AnUploadTheWatcherStartsFirstIsStillTheUploadersAndTheyCanFollowIt()
    {
        await using var azurite = await Azurite.StartAsync();
        await using var app = new PipelineApp(azurite.ConnectionString, PipelineApp.WithoutEngine);
        using var lead = app.Client(PipelineApp.NelKey);
        var blobs = app.Services.GetRequiredService<IReturnBlobs>();
        const string Name = "E06000012-20171002T090000000-race.xlsx";
        const string Lead = "North East Lincolnshire HWB lead";

        // The upload request's steps, with the watcher's sweep landing between the put and the start.
        var etag = await blobs.PutInboxAsync(Name, Workbook.Clean(), new InboxUpload(Lead, "nel-q2.xlsx"), CancellationToken.None);
        await app.Services.GetRequiredService<InboxTrigger>().SweepAsync(CancellationToken.None);
        var submission = await app.Services.GetRequiredService<SubmissionWorkflow>().StartAsync(Name, etag, "nel-q2.xlsx", Lead, CancellationToken.None);

        Assert.Equal(Lead, submission.Uploader);
        Assert.Equal("nel-q2.xlsx", submission.FileName);
        using var status = await lead.GetAsync(new Uri($"/api/returns/{submission.Id}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, status.StatusCode);
        Assert.Single(await new Storage(azurite.ConnectionString).SubmissionStatesAsync());
    }
}
