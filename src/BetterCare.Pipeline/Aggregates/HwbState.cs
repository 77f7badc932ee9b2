using BetterCare.Pipeline.Periods;
using BetterCare.Pipeline.Submissions;

namespace BetterCare.Pipeline.Aggregates;

/// <summary>
/// Where one HWB's return for a period stands, as a regional manager reads it: a code for
/// machines (<c>not-submitted</c>, <c>being-checked</c>, <c>rejected</c>, <c>accepted</c>,
/// <c>signed-off</c>, <c>changes-requested</c>, <c>latest-rejected</c>, <c>failed</c>) and the
/// words for people. The counted return decides it, except that a rejected upload after an accepted
/// one is named as such: the accepted return still counts, but the board has tried to change it.
/// </summary>
public sealed record HwbState(string Code, string Text)
{
    public static HwbState NotSubmitted { get; } = new("not-submitted", "Not submitted");

    public static HwbState Of(PeriodReturn? row)
    {
        if (row is null)
        {
            return NotSubmitted;
        }

        if (row.LatestStatus == SubmissionStatus.Rejected && row.HasAccepted)
        {
            return new("latest-rejected", "Latest upload rejected; the earlier accepted return still counts");
        }

        if (!row.HasAccepted)
        {
            return row.LatestStatus switch
            {
                SubmissionStatus.Rejected => new("rejected", "Rejected"),
                SubmissionStatus.Failed => new("failed", "Could not be processed"),
                _ => new("being-checked", "Being checked"),
            };
        }

        var signOff = row.SignOff ?? new SignOffProgress(SubmissionStatus.Accepted, 0, 0);
        return signOff.Status switch
        {
            SubmissionStatus.SignedOff => new("signed-off", "Signed off"),
            SubmissionStatus.ChangesRequested => new("changes-requested", "Changes requested"),
            _ when signOff.Signatories > 0 => new("accepted", $"Accepted, awaiting {signOff.Waiting} of {signOff.Signatories} signature{(signOff.Signatories == 1 ? null : "s")}"),
            _ => new("accepted", "Accepted"),
        };
    }
}
