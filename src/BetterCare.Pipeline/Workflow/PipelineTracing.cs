using System.Diagnostics;
using BetterCare.Pipeline.Submissions;

namespace BetterCare.Pipeline.Workflow;

/// <summary>
/// The pipeline's trace: an activity for each upload, each inbox blob looked at and each step
/// message handled, tagged with what it is, for whatever listens (Application Insights or
/// OpenTelemetry in Azure; the benchmark, to count storage requests by step). Nothing is recorded
/// when nothing listens.
/// </summary>
public static class PipelineTracing
{
    public const string SourceName = "BetterCare.Pipeline";

    /// <summary>The tag naming the part of the pipeline: Upload, Inbox, a step (Process, Aggregate, Notify), or SignOff.</summary>
    public const string PartTag = "bettercare.part";

    public const string SubmissionTag = "bettercare.submission";

    private static readonly ActivitySource Source = new(SourceName);

    /// <summary>Running one step of a submission (an activity).</summary>
    public static Activity? StartStep(WorkflowStep step, string submissionId) => Start(step.ToString(), submissionId);

    /// <summary>Asking a return's signatories to sign it off (the sign-off orchestration's first activity).</summary>
    public static Activity? StartSignOffRequest(string submissionId) => Start("SignOff", submissionId);

    /// <summary>Taking in an upload through the API.</summary>
    public static Activity? StartUpload() => Start("Upload", null);

    /// <summary>Making sure an inbox blob has its workflow.</summary>
    public static Activity? StartInbox() => Start("Inbox", null);

    /// <summary>The part of the pipeline the calling code runs in, if any.</summary>
    public static string? CurrentPart()
    {
        for (var activity = Activity.Current; activity is not null; activity = activity.Parent)
        {
            if (activity.GetTagItem(PartTag) is string part)
            {
                return part;
            }
        }

        return null;
    }

    private static Activity? Start(string part, string? submissionId)
    {
        var activity = Source.StartActivity("BetterCare " + part, ActivityKind.Internal);
        activity?.SetTag(PartTag, part);
        if (submissionId is not null)
        {
            activity?.SetTag(SubmissionTag, submissionId);
        }

        return activity;
    }
}
