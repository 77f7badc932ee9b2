using BetterCare.Pipeline.Periods;
using BetterCare.Pipeline.SignOff;
using BetterCare.Pipeline.Submissions;

namespace BetterCare.App.Pages.Home;

/// <summary>One period on a lead's home page: where the board's return stands, the deadline, and what to do next.</summary>
public sealed record PeriodLine(string Period, string Title, string? Deadline, string State, string Tag, string Next)
{
    /// <summary>The line for a board's period from its row (none: nothing uploaded) and its counted return's current status.</summary>
    public static PeriodLine For(string period, PeriodReturn? row, SubmissionStatus? countedStatus, SignOffCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var deadline = calendar.DeadlineOf(period) is { } d ? calendar.Describe(d) : null;
        var title = TitleOf(period);
        if (row is null)
        {
            return new(period, title, deadline, "Not submitted", "nhsuk-tag--grey", "Fill in the quarterly workbook and upload it.");
        }

        if (row.LatestStatus == SubmissionStatus.Rejected && row.HasAccepted)
        {
            return new(period, title, deadline, "Latest upload rejected; the earlier accepted return still counts", "nhsuk-tag--orange",
                "Put right what the report on the latest upload found and upload it again, or leave the accepted return to stand.");
        }

        return (countedStatus ?? row.LatestStatus) switch
        {
            SubmissionStatus.SignedOff => new(period, title, deadline, "Signed off", "nhsuk-tag--green", "Nothing: every signatory has signed."),
            SubmissionStatus.Accepted => new(period, title, deadline, "Accepted, awaiting sign-off", "nhsuk-tag--blue", "The signatories have been asked to sign; they get reminders until they do."),
            SubmissionStatus.ChangesRequested => new(period, title, deadline, "Changes requested", "nhsuk-tag--red", "A signatory declined: change the workbook as they asked and upload it again."),
            SubmissionStatus.Rejected => new(period, title, deadline, "Rejected", "nhsuk-tag--red", "Put right what the report found and upload the workbook again."),
            SubmissionStatus.Failed => new(period, title, deadline, "Could not be processed", "nhsuk-tag--red", "The service could not finish with the upload; an administrator has been told and can run it again."),
            _ => new(period, title, deadline, "Being checked", "nhsuk-tag--white", "Wait a moment: the upload is being checked."),
        };
    }

    /// <summary>"2017-18-Q2" as people write it: "2017-18 quarter 2".</summary>
    public static string TitleOf(string period) => PeriodNames.Title(period);
}
