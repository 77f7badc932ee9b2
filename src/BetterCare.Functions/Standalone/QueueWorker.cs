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
    private static readonly TimeSpan IdleMax = TimeSpan.FromSeconds(1);

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

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var idle = TimeSpan.FromMilliseconds(50);
        while (!stoppingToken.IsCancellationRequested)
        {
            QueueMessage[] messages;
            try
            {
                messages = await _queue.ReceiveAsync(Math.Clamp(_settings.StepConcurrency * 2, 1, 32), _settings.StepVisibilityTimeout, stoppingToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogReceiveFailed(e);
                messages = [];
            }

            if (messages.Length == 0)
            {
                await Task.Delay(idle, stoppingToken).ConfigureAwait(false);
                idle = TimeSpan.FromTicks(Math.Min(idle.Ticks * 2, IdleMax.Ticks));
                continue;
            }

            idle = TimeSpan.FromMilliseconds(50);
            await Parallel.ForEachAsync(
                messages,
                new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, _settings.StepConcurrency), CancellationToken = stoppingToken },
                async (message, ct) => await HandleAsync(message, ct).ConfigureAwait(false)).ConfigureAwait(false);
        }
    }

    private async Task HandleAsync(QueueMessage message, CancellationToken ct)
    {
        try
        {
            var result = await _workflow.HandleAsync(message.MessageText, (int)message.DequeueCount, ct).ConfigureAwait(false);
            switch (result)
            {
                case StepResult.Done:
                    await _queue.DeleteAsync(message, ct).ConfigureAwait(false);
                    break;
                case StepResult.Poison:
                case StepResult.Malformed:
                    await _queue.MoveToPoisonAsync(message, ct).ConfigureAwait(false);
                    break;
                default:
                    // Retry: the message comes back when its visibility timeout ends.
                    break;
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogHandleFailed(e, message.MessageId);
            if (message.DequeueCount >= _pipeline.MaxDequeueCount)
            {
                // Storage itself kept failing: park the message where an operator will see it.
                await _queue.MoveToPoisonAsync(message, ct).ConfigureAwait(false);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Receiving step messages failed")]
    private partial void LogReceiveFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Step message {MessageId} could not be settled; it will be delivered again")]
    private partial void LogHandleFailed(Exception exception, string messageId);
}
