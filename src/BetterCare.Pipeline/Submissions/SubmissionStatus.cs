namespace BetterCare.Pipeline.Submissions;

/// <summary>Where a submission stands, as its uploader sees it. Numbers are explicit because they are stored.</summary>
public enum SubmissionStatus
{
    /// <summary>Uploaded; not yet archived and checked.</summary>
    Received = 1,

    /// <summary>Archived and checked: no error-severity findings.</summary>
    Accepted = 2,

    /// <summary>Archived and checked: at least one error-severity finding.</summary>
    Rejected = 3,

    /// <summary>A later accepted submission for the same HWB and period replaced it.</summary>
    Superseded = 4,

    /// <summary>A step failed repeatedly; an operator can retry it.</summary>
    Failed = 5,

    /// <summary>Accepted, and every signatory has signed it off: the return is final.</summary>
    SignedOff = 6,

    /// <summary>Accepted, but a signatory declined to sign it off and said why; a resubmission replaces it.</summary>
    ChangesRequested = 7,
}

/// <summary>
/// The next piece of work a submission's workflow has to do. The numbers give the steps' order
/// (a message for a lower step than the stored one is done already); steps are stored by name.
/// </summary>
public enum WorkflowStep
{
    /// <summary>Archive the upload, parse and validate it, store its figures and findings, accept or reject it.</summary>
    Process = 1,

    /// <summary>Fold the outcome into the period's totals for the HWB and its partners.</summary>
    Aggregate = 2,

    /// <summary>Email the uploader the decision; for an accepted return, ask each signatory to sign it off and set the chasers.</summary>
    Notify = 3,

    /// <summary>Nothing left to do (sign-off goes on through its own rows and timers).</summary>
    Done = 4,
}
