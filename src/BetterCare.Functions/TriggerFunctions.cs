using Azure.Storage.Blobs;
using BetterCare.App.Triggers;
using BetterCare.Pipeline.Ports;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace BetterCare.Functions;

/// <summary>
/// The inbox's blob trigger (Event Grid source, as Flex Consumption requires) and the timer
/// triggers, each handing over to the shared trigger code. Each takes the durable client, since
/// each may start an orchestration.
/// </summary>
public sealed class TriggerFunctions(InboxTrigger inbox, TimerFunctions timers, FunctionsWorkflowClient workflow)
{
    [Function("InboxBlob")]
    public async Task OnInboxBlob(
        [BlobTrigger("returns-inbox/{name}", Source = BlobTriggerSource.EventGrid, Connection = "AzureWebJobsStorage")] BlobClient blob,
        string name,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(blob);
        workflow.Use(durable);

        // Names other than a plain file directly in the inbox are ignored before the blob is read.
        if (!InboxBlob.IsPlainName(name))
        {
            await inbox.HandleAsync(new InboxBlob(name, string.Empty, DateTimeOffset.MinValue, 0, null), cancellationToken).ConfigureAwait(false);
            return;
        }

        var properties = await blob.GetPropertiesAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        var upload = Infrastructure.AzureReturnBlobs.UploadOf(properties.Value.Metadata);
        await inbox.HandleAsync(new InboxBlob(name, properties.Value.ETag.ToString(), properties.Value.LastModified, properties.Value.ContentLength, upload), cancellationToken)
            .ConfigureAwait(false);
    }

    [Function(TimerSchedules.InboxSweep)]
    public Task InboxSweep([TimerTrigger("%BetterCare__Schedules__InboxSweep%")] TimerInfo timer, [DurableClient] DurableTaskClient durable, CancellationToken cancellationToken) =>
        RunAsync(TimerSchedules.InboxSweep, durable, cancellationToken);

    [Function(TimerSchedules.Periods)]
    public Task Periods([TimerTrigger("%BetterCare__Schedules__Periods%", RunOnStartup = true)] TimerInfo timer, [DurableClient] DurableTaskClient durable, CancellationToken cancellationToken) =>
        RunAsync(TimerSchedules.Periods, durable, cancellationToken);

    private Task RunAsync(string name, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        workflow.Use(durable);
        return timers.RunAsync(name, cancellationToken);
    }
}
