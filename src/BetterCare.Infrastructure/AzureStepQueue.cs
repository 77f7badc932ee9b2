using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using BetterCare.Pipeline.Ports;

namespace BetterCare.Infrastructure;

/// <summary>
/// The pipeline-steps queue and its poison queue. Messages are base64 on the wire, as the
/// Functions host's queue trigger expects by default.
/// </summary>
public sealed class AzureStepQueue : IStepQueue
{
    public AzureStepQueue(StorageClients clients)
    {
        ArgumentNullException.ThrowIfNull(clients);
        Steps = clients.Queues.GetQueueClient(StorageNames.StepsQueue);
        Poison = clients.Queues.GetQueueClient(StorageNames.PoisonQueue);
    }

    public QueueClient Steps { get; }

    public QueueClient Poison { get; }

    /// <summary>
    /// Raised after this process has sent a step message, so that a worker in the same process can
    /// look at once instead of at its next idle poll (as the Functions host's queue listener does
    /// for messages its own functions add).
    /// </summary>
    public event EventHandler? Sent;

    public async Task SendAsync(string messageText, TimeSpan? delay, CancellationToken cancellationToken)
    {
        await Steps.SendMessageAsync(messageText, delay, timeToLive: TimeSpan.FromSeconds(-1), cancellationToken).ConfigureAwait(false);
        if (delay is null || delay <= TimeSpan.Zero)
        {
            Sent?.Invoke(this, EventArgs.Empty);
        }
    }

    public async Task<QueueMessage[]> ReceiveAsync(int max, TimeSpan visibilityTimeout, CancellationToken cancellationToken)
    {
        var response = await Steps.ReceiveMessagesAsync(max, visibilityTimeout, cancellationToken).ConfigureAwait(false);
        return response.Value;
    }

    public async Task DeleteAsync(QueueMessage message, CancellationToken cancellationToken) =>
        await Steps.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken).ConfigureAwait(false);

    /// <summary>Moves a message to the poison queue (as the Functions host does after maxDequeueCount).</summary>
    public async Task MoveToPoisonAsync(QueueMessage message, CancellationToken cancellationToken)
    {
        await Poison.SendMessageAsync(message.MessageText, visibilityTimeout: null, timeToLive: TimeSpan.FromSeconds(-1), cancellationToken).ConfigureAwait(false);
        await DeleteAsync(message, cancellationToken).ConfigureAwait(false);
    }
}
