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

    public async Task DeleteAsync(string messageId, string popReceipt, CancellationToken cancellationToken) =>
        await Steps.DeleteMessageAsync(messageId, popReceipt, cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// Rewrites a received message in place and keeps it hidden for <paramref name="visibilityTimeout"/>;
    /// returns the new pop receipt, or null when the message is no longer this receiver's (its
    /// visibility ran out and another took it, or it is gone).
    /// </summary>
    public async Task<string?> UpdateAsync(string messageId, string popReceipt, string messageText, TimeSpan visibilityTimeout, CancellationToken cancellationToken)
    {
        try
        {
            var response = await Steps.UpdateMessageAsync(messageId, popReceipt, messageText, visibilityTimeout, cancellationToken).ConfigureAwait(false);
            return response.Value.PopReceipt;
        }
        catch (Azure.RequestFailedException e) when (e.Status is 404 or 400)
        {
            return null;
        }
    }

    /// <summary>Moves a message to the poison queue (as the Functions host does after maxDequeueCount).</summary>
    public async Task MoveToPoisonAsync(string messageId, string popReceipt, string messageText, CancellationToken cancellationToken)
    {
        await Poison.SendMessageAsync(messageText, visibilityTimeout: null, timeToLive: TimeSpan.FromSeconds(-1), cancellationToken).ConfigureAwait(false);
        await DeleteAsync(messageId, popReceipt, cancellationToken).ConfigureAwait(false);
    }
}
