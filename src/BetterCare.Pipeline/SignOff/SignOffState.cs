namespace BetterCare.Pipeline.SignOff;

/// <summary>Where a return's sign-off stands. Numbers are explicit because they travel in orchestration history.</summary>
public enum SignOffOutcome
{
    /// <summary>Requests are out and at least one signatory has not decided.</summary>
    Waiting = 1,
    SignedOff = 2,
    ChangesRequested = 3,

    /// <summary>A later accepted return replaced this one; its undecided links are void.</summary>
    Superseded = 4,

    /// <summary>Nothing to wait for: not accepted, nobody to ask, or the links have lapsed.</summary>
    Closed = 5,
}

/// <summary>
/// What the sign-off orchestration needs to know after each of its activities: the outcome so far
/// and the real instants it waits for next (the next chaser, the deadline if not yet escalated, and
/// when the links stop working). Computed by activities so the orchestration stays deterministic.
/// </summary>
public sealed record SignOffState(SignOffOutcome Outcome, DateTimeOffset? NextChaser = null, DateTimeOffset? Deadline = null, DateTimeOffset? Closes = null);

/// <summary>A signal to a return's sign-off orchestration: a decision was recorded, or a later return superseded it.</summary>
public sealed record SignOffSignal(SignOffSignalKind Kind, string? Detail = null);

public enum SignOffSignalKind
{
    Decided = 1,
    Superseded = 2,
}

/// <summary>The sign-off orchestration's instance for a submission, and the name of the event it waits for.</summary>
public static class SignOffInstance
{
    public const string EventName = "SignOff";

    public static string For(string submissionId) => submissionId + ".signoff";
}
