using System.Text.Json;
using BetterCare.Pipeline.Submissions;

namespace BetterCare.Pipeline.Workflow;

/// <summary>
/// A message on the pipeline-steps queue: do this step of this submission. A message rewritten in
/// place for the next step keeps its queue's dequeue count; <see cref="PriorDeliveries"/> says how
/// many of those deliveries were of earlier steps, so each step gets its own tries.
/// </summary>
public sealed record StepMessage(string SubmissionId, WorkflowStep Step, int PriorDeliveries = 0)
{
    public string ToText() => JsonSerializer.Serialize(new Wire(SubmissionId, Step.ToString(), PriorDeliveries > 0 ? PriorDeliveries : null), WireOptions);

    /// <summary>Which delivery of this step a delivery of the message is (1 for the first).</summary>
    public int DeliveryOfStep(long dequeueCount) => (int)Math.Max(1, dequeueCount - PriorDeliveries);

    /// <summary>Reads a message; false for anything that is not one of ours.</summary>
    public static bool TryParse(string? text, out StepMessage message)
    {
        message = null!;
        if (string.IsNullOrWhiteSpace(text) || text.Length > 1024)
        {
            return false;
        }

        try
        {
            var wire = JsonSerializer.Deserialize<Wire>(text);
            if (wire is null || !Submissions.SubmissionId.IsWellFormed(wire.SubmissionId) ||
                !Enum.TryParse<WorkflowStep>(wire.Step, ignoreCase: false, out var step) || !Enum.IsDefined(step) || step == WorkflowStep.Done ||
                wire.Prior is < 0)
            {
                return false;
            }

            message = new StepMessage(wire.SubmissionId, step, wire.Prior ?? 0);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static readonly JsonSerializerOptions WireOptions = new() { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };

    private sealed record Wire(string SubmissionId, string Step, int? Prior = null);
}

/// <summary>What the queue should do with a step message once handled.</summary>
public enum StepResult
{
    /// <summary>Handled (or nothing left to do): delete the message.</summary>
    Done = 1,

    /// <summary>Not now: leave the message to come back after its visibility timeout.</summary>
    Retry = 2,

    /// <summary>Failed for the last time: the submission is marked Failed; move the message to the poison queue.</summary>
    Poison = 3,

    /// <summary>Not a step message at all: move it to the poison queue untouched.</summary>
    Malformed = 4,
}
