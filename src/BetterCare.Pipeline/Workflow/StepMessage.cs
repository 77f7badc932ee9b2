using System.Text.Json;
using BetterCare.Pipeline.Submissions;

namespace BetterCare.Pipeline.Workflow;

/// <summary>A message on the pipeline-steps queue: do this step of this submission.</summary>
public sealed record StepMessage(string SubmissionId, WorkflowStep Step)
{
    public string ToText() => JsonSerializer.Serialize(new Wire(SubmissionId, Step.ToString()));

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
                !Enum.TryParse<WorkflowStep>(wire.Step, ignoreCase: false, out var step) || !Enum.IsDefined(step) || step == WorkflowStep.Done)
            {
                return false;
            }

            message = new StepMessage(wire.SubmissionId, step);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private sealed record Wire(string SubmissionId, string Step);
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
