using BetterCare.Fixtures.Seeds;
using BetterCare.Workbooks;

namespace BetterCare.SignOff.Tests;

/// <summary>What a workbook's own text can put in mail: the board is named from the reference data, and nothing it writes breaks a log line.</summary>
public class MailFromWorkbookTests
{
    // Monday 20 November 2017, 09:00 in London, a calendar day a minute: nothing falls due during the test.
    private static readonly DateTimeOffset Start = new(2017, 11, 20, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task SubjectsNameTheBoardFromTheReferenceDataNotTheWorkbooksOwnText()
    {
        await using var azurite = await Azurite.StartAsync();
        await using var app = new SignOffApp(azurite.ConnectionString, Start, TimeSpan.FromMinutes(1));
        using var lead = app.Client();
        var draft = NorthEastLincolnshire.Q2_2017_18();
        draft.HwbName = "Official notice: your bank details have changed\r\nFORGED log line";
        using var stream = new MemoryStream();
        WorkbookWriter.Write(ReturnWorkbook.Build(draft), stream);

        var id = await SignOffApp.UploadAsync(lead, stream.ToArray(), "nel-q2.xlsx");
        await SignOffApp.DoneAsync(lead, id);

        var requests = await app.MailAsync(m => m.Subject?.StartsWith("Please sign off", StringComparison.Ordinal) == true, atLeast: 3);
        Assert.All(requests, m => Assert.Equal("Please sign off the North East Lincolnshire 2017-18-Q2 Better Care Fund return", m.Subject));
        Assert.All(app.Outbox.All(), m => Assert.DoesNotContain("bank details", m.Subject, StringComparison.Ordinal));
        Assert.DoesNotContain(app.Logs.Lines, l => l.Contains("\nFORGED", StringComparison.Ordinal) || l.Contains("\rFORGED", StringComparison.Ordinal));
    }
}
