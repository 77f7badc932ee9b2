namespace BetterCare.Pipeline.Workflow;

/// <summary>
/// How a step, its result saved, hands its submission on to the next step: a message on the
/// pipeline-steps queue either way, so a crash after the hand-off loses nothing.
/// </summary>
public interface IStepHandoff
{
    /// <summary>
    /// Puts <paramref name="next"/> on the queue. True when the caller keeps that message in hand
    /// (its delivery rewritten in place) and should go on with the next step at once; false when it
    /// is a new message for whichever worker receives it.
    /// </summary>
    Task<bool> HandOffAsync(StepMessage next, CancellationToken cancellationToken);
}
