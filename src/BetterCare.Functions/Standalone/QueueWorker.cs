using Azure.Storage.Queues.Models;
using BetterCare.Infrastructure;
using BetterCare.Pipeline.Workflow;
using Microsoft.Extensions.Options;

namespace BetterCare.Functions.Standalone;

/// <summary>
/// Standalone mode's queue trigger: receives step messages, hands each to the workflow, and
/// deletes, leaves or poisons it by the result, as the Functions host does.
/// </summary>
public sealed partial class QueueWorker : BackgroundService
{
    private static readonly TimeSpan IdleMin = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan IdleMax = TimeSpan.FromSeconds(1);

    private readonly SemaphoreSlim _wake = new(0, 1);

    private readonly AzureStepQueue _queue;
    private readonly SubmissionWorkflow _workflow;
    private readonly BetterCareSettings _settings;
    private readonly PipelineOptions _pipeline;
    private readonly ILogger<QueueWorker> _log;

    public QueueWorker(AzureStepQueue queue, SubmissionWorkflow workflow, IOptions<BetterCareSettings> settings, PipelineOptions pipeline, ILogger<QueueWorker> log)
    {
        _queue = queue;
        _workflow = workflow;
        _settings = settings.Value;
        _pipeline = pipeline;
        _log = log;
    }

    /// <summary>
    /// Up to <see cref="BetterCareSettings.StepConcurrency"/> messages are handled at once. As the
    /// Functions host does, more are received when half of those slots are free (not one receive
    /// per message, nor waiting for a whole batch to finish); when the queue is empty the worker
    /// backs off, and a message this process sends wakes it at once.
    /// </summary>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var capacity = Math.Clamp(_settings.StepConcurrency, 1, 32);
        using var slots = new SemaphoreSlim(capacity, capacity);
        var idle = IdleMin;
        _queue.Sent += OnSent;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var taken = 0;
                for (; taken < Math.Max(1, capacity / 2); taken++)
                {
                    await slots.WaitAsync(stoppingToken).ConfigureAwait(false);
                }

                while (taken < capacity && slots.Wait(0))
                {
                    taken++;
                }

                QueueMessage[] messages;
                try
                {
                    messages = await _queue.ReceiveAsync(taken, _settings.StepVisibilityTimeout, stoppingToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogReceiveFailed(e);
                    messages = [];
                }

                if (taken > messages.Length)
                {
                    slots.Release(taken - messages.Length);
                }

                if (messages.Length == 0)
                {
                    await _wake.WaitAsync(idle, stoppingToken).ConfigureAwait(false);
                    idle = TimeSpan.FromTicks(Math.Min(idle.Ticks * 2, IdleMax.Ticks));
                    continue;
                }

                idle = IdleMin;
                foreach (var message in messages)
                {
                    _ = RunAsync(message, slots, stoppingToken);
                }
            }
        }
        finally
        {
            _queue.Sent -= OnSent;

            // Let the messages in hand finish (or see the cancellation) before the worker stops.
            for (var i = 0; i < capacity; i++)
            {
                await slots.WaitAsync(CancellationToken.None).ConfigureAwait(false);
            }
        }
    }

    public override void Dispose()
    {
        _wake.Dispose();
        base.Dispose();
    }

    private void OnSent(object? sender, EventArgs e)
    {
        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already woken.
        }
    }

    private async Task RunAsync(QueueMessage message, SemaphoreSlim slots, CancellationToken ct)
    {
        try
        {
            await HandleAsync(message, ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopping: the message comes back when its visibility timeout ends.
        }
        catch (Exception e)
        {
            // Moving it to the poison queue failed too: it comes back when its visibility timeout ends.
            LogHandleFailed(e, message.MessageId);
        }
        finally
        {
            slots.Release();
        }
    }

    private async Task HandleAsync(QueueMessage message, CancellationToken ct)
    {
        var delivery = new Delivery(_queue, message, _settings.StepVisibilityTimeout);
        using (PipelineTracing.StartDelivery(message.MessageText))
        {
            try
            {
                var result = await _workflow.HandleAsync(message.MessageText, (int)message.DequeueCount, delivery, ct).ConfigureAwait(false);
                await SettleAsync(delivery, result, ct).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogHandleFailed(e, message.MessageId);
                if (!delivery.Lost && StepMessage.TryParse(delivery.Text, out var current) && current.DeliveryOfStep(message.DequeueCount) >= _pipeline.MaxDequeueCount)
                {
                    // Storage itself kept failing: park the message where an operator will see it.
                    await _queue.MoveToPoisonAsync(message.MessageId, delivery.PopReceipt, delivery.Text, ct).ConfigureAwait(false);
                }
            }
        }
    }

    /// <summary>Deletes, leaves or poisons the message as it now stands (a hand-off may have rewritten it for a later step).</summary>
    private async Task SettleAsync(Delivery delivery, StepResult result, CancellationToken ct)
    {
        if (delivery.Lost)
        {
            // Another worker holds the message now and carries on from the saved state.
            return;
        }

        using var activity = PipelineTracing.StartDelivery(delivery.Text);
        switch (result)
        {
            case StepResult.Done:
                await _queue.DeleteAsync(delivery.MessageId, delivery.PopReceipt, ct).ConfigureAwait(false);
                break;
            case StepResult.Poison:
            case StepResult.Malformed:
                await _queue.MoveToPoisonAsync(delivery.MessageId, delivery.PopReceipt, delivery.Text, ct).ConfigureAwait(false);
                break;
            default:
                // Retry: the message comes back when its visibility timeout ends.
                break;
        }
    }

    /// <summary>
    /// A message in this worker's hands. Handing on rewrites it in place for the next step and keeps
    /// it hidden for another visibility timeout: one request instead of sending a new message and
    /// deleting this one, and the next step runs here at once instead of waiting to be received.
    /// </summary>
    private sealed class Delivery(AzureStepQueue queue, QueueMessage message, TimeSpan visibilityTimeout) : IStepHandoff
    {
        public string MessageId { get; } = message.MessageId;

        public string PopReceipt { get; private set; } = message.PopReceipt;

        public string Text { get; private set; } = message.MessageText;

        /// <summary>The message stopped being this worker's (its visibility ran out and another took it).</summary>
        public bool Lost { get; private set; }

        public async Task<bool> HandOffAsync(StepMessage next, CancellationToken cancellationToken)
        {
            if (Lost)
            {
                return false;
            }

            var text = next.ToText();
            var receipt = await queue.UpdateAsync(MessageId, PopReceipt, text, visibilityTimeout, cancellationToken).ConfigureAwait(false);
            if (receipt is null)
            {
                Lost = true;
                return false;
            }

            (PopReceipt, Text) = (receipt, text);
            return true;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Receiving step messages failed")]
    private partial void LogReceiveFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Step message {MessageId} could not be settled; it will be delivered again")]
    private partial void LogHandleFailed(Exception exception, string messageId);
}
