namespace BetterCare.Pipeline.Ports;

/// <summary>The pipeline-steps queue, as the workflow sends to it.</summary>
public interface IStepQueue
{
    Task SendAsync(string messageText, TimeSpan? delay, CancellationToken cancellationToken);
}
