using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BetterCare.App.Rollups;
using BetterCare.Cli;
using BetterCare.Fixtures.Seeds;
using BetterCare.Infrastructure;
using BetterCare.Pipeline.SignOff;
using BetterCare.Pipeline.Tests.Support;
using BetterCare.Returns.Model;
using BetterCare.Workbooks;
using MimeKit;

namespace BetterCare.Pipeline.Tests;

public class RollupTests
{
    private const string Period = "2017-18-Q2";

    [Fact]
    public async Task RollUpWritesACountyAndRegionRowAndWorkbookEachAndTheSameAgain()
    {
        await using var azurite = await Azurite.StartAsync();
        var outbox = Directory.CreateTempSubdirectory("outbox-").FullName;
        try
        {
            await using var app = new PipelineApp(azurite.ConnectionString, settings: new Dictionary<string, string>
            {
                ["BetterCare:RegionalManagers:East of England"] = "east.manager@example.org",
                ["BetterCare:Mail:OutboxDirectory"] = outbox,
                ["BetterCare:ApiKeys:4:Key"] = "east-key",
                ["BetterCare:ApiKeys:4:Role"] = "RegionalManager",
                ["BetterCare:ApiKeys:4:Scope"] = "East of England",
            });
            using var admin = app.Client(PipelineApp.AdminKey);
            foreach (var draft in GreaterEssex.Returns("2017-18", "Q2"))
            {
                await Status.FinalAsync(admin, await Workbook.UploadedIdAsync(admin, Workbook.Bytes(draft)));
            }

            var first = await RunAsync(admin);
            var storage = new Storage(azurite.ConnectionString);
            var reports = storage.Clients.Blobs.GetBlobContainerClient(StorageNames.ReportsContainer);
            var essexFile = (await reports.GetBlobClient($"{Period}/county-essex.xlsx").DownloadContentAsync()).Value.Content.ToArray();
            var second = await RunAsync(admin);
            var essexAgain = (await reports.GetBlobClient($"{Period}/county-essex.xlsx").DownloadContentAsync()).Value.Content.ToArray();

            Assert.Equal(first.GetProperty("rows").GetRawText(), second.GetProperty("rows").GetRawText());
            Assert.Equal(essexFile, essexAgain);
            var rows = first.GetProperty("rows").EnumerateArray().ToList();
            Assert.Contains(rows, r => r.GetProperty("kind").GetString() == "county" && r.GetProperty("name").GetString() == "Lincolnshire");
            var essex = rows.Single(r => r.GetProperty("kind").GetString() == "county" && r.GetProperty("name").GetString() == "Essex");
            Assert.Equal(3, essex.GetProperty("accepted").GetInt32());

            // The county row equals the aggregates call over the same period, to the penny.
            var county = await admin.GetFromJsonAsync<JsonElement>(new Uri($"/api/aggregates/{Period}?county=Essex", UriKind.Relative));
            Assert.Equal(county.GetProperty("totals").GetRawText(), essex.GetProperty("totals").GetRawText());

            // One summary to the region's manager, with the links; the second run the same day sends none.
            Assert.Equal(1, first.GetProperty("emailsSent").GetInt32());
            Assert.Equal(0, second.GetProperty("emailsSent").GetInt32());
            var mail = Assert.Single(Directory.GetFiles(outbox, "*.eml").Select(f => MimeMessage.Load(f)), m => m.Subject?.Contains("roll-up", StringComparison.Ordinal) == true);
            Assert.Equal("east.manager@example.org", Assert.Single(mail.To.Mailboxes).Address);
            Assert.Contains(county.GetProperty("totals").GetProperty("pool").GetDecimal().ToString("#,0", System.Globalization.CultureInfo.GetCultureInfo("en-GB")), mail.TextBody, StringComparison.Ordinal);
            Assert.Contains($"/reports/{Period}/county-essex.xlsx", mail.TextBody, StringComparison.Ordinal);
            Assert.DoesNotContain("/api/", mail.TextBody, StringComparison.Ordinal);

            // The link works for the manager, and for nobody outside the region.
            using var east = app.Client("east-key");
            using var download = await east.GetAsync(new Uri($"/api/reports/{Period}/county-essex.xlsx", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.Equal(essexFile, await download.Content.ReadAsByteArrayAsync());
            using var nel = app.Client(PipelineApp.NelKey);
            Assert.Equal(HttpStatusCode.Forbidden, (await nel.GetAsync(new Uri($"/api/reports/{Period}/county-essex.xlsx", UriKind.Relative))).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await nel.PostAsync(new Uri($"/api/rollups/{Period}", UriKind.Relative), null)).StatusCode);
            var visible = await east.GetFromJsonAsync<JsonElement>(new Uri($"/api/rollups/{Period}", UriKind.Relative));
            Assert.Equal(["Essex", "East of England"], visible.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("name").GetString()));
        }
        finally
        {
            Directory.Delete(outbox, recursive: true);
        }
    }

    [Fact]
    public async Task BcfRollupRunsItOnDemand()
    {
        await using var azurite = await Azurite.StartAsync();
        await using var app = await AppProcess.StartAsync(azurite.ConnectionString);
        using var admin = app.Client(PipelineApp.AdminKey);
        var southend = GreaterEssex.Returns("2017-18", "Q2")[1];
        await Status.FinalAsync(admin, await Workbook.UploadedIdAsync(admin, Workbook.Bytes(southend)));

        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = BcfCommand.Run(["rollup", Period, "--api", admin.BaseAddress!.ToString(), "--key", PipelineApp.AdminKey], stdout, stderr);
        var refused = BcfCommand.Run(["rollup", Period, "--api", admin.BaseAddress!.ToString(), "--key", PipelineApp.NelKey], new StringWriter(), stderr);

        Assert.True(code == 0, stderr.ToString() + stdout);
        Assert.Contains("county  Essex", stdout.ToString(), StringComparison.Ordinal);
        Assert.Contains("1 of 3 accepted, pool £17,448,000.00", stdout.ToString(), StringComparison.Ordinal);
        Assert.Equal(1, refused);
        Assert.Contains("administrator", stderr.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2017-09-30T06:00:00Z", "2017-18-Q2,2017-18-Q3")]
    [InlineData("2017-11-25T05:59:00Z", "2017-18-Q2,2017-18-Q3")]
    [InlineData("2017-11-25T06:00:00Z", "2017-18-Q3")]
    [InlineData("2018-02-24T06:00:00Z", "")]
    public void APeriodIsLiveUntilItsFinalRollUpTheDayAfterItsDeadline(string now, string expected)
    {
        var periods = Periods(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(expected, string.Join(",", periods.LivePeriods()));
    }

    [Fact]
    public void APeriodRollsUpDailyThroughItsWindowRemindsTwiceAndNotesTheDeadline()
    {
        var events = Periods(DateTimeOffset.UnixEpoch).Events("2017-18-Q2");

        // The window runs from the day after the quarter ends (1 October) to the deadline day (24 November), then the final roll-up on the 25th.
        var rollups = events.Where(e => e.Kind == PeriodEventKind.Rollup).Select(e => e.At).ToList();
        Assert.Equal(56, rollups.Count);
        Assert.Equal(new DateTimeOffset(2017, 10, 1, 5, 0, 0, TimeSpan.Zero), rollups[0]);
        Assert.Equal(new DateTimeOffset(2017, 11, 25, 6, 0, 0, TimeSpan.Zero), rollups[^1]);
        Assert.Equal(
            [(10, new DateTimeOffset(2017, 11, 10, 9, 0, 0, TimeSpan.Zero)), (3, new DateTimeOffset(2017, 11, 21, 9, 0, 0, TimeSpan.Zero))],
            events.Where(e => e.Kind == PeriodEventKind.Reminder).Select(e => (e.Number, e.At)));
        Assert.Equal(new DateTimeOffset(2017, 11, 24, 17, 0, 0, TimeSpan.Zero), Assert.Single(events, e => e.Kind == PeriodEventKind.MissingReturns).At);
        Assert.Equal(events.OrderBy(e => e.At), events);

        // The next event after one handled is the one after it; nothing follows the final roll-up.
        var periods = Periods(new DateTimeOffset(2017, 11, 21, 8, 0, 0, TimeSpan.Zero));
        Assert.Equal(new PeriodEvent(PeriodEventKind.Reminder, new DateTimeOffset(2017, 11, 21, 9, 0, 0, TimeSpan.Zero), 3), periods.Next("2017-18-Q2", null));
        Assert.Equal(PeriodEventKind.Rollup, periods.Next("2017-18-Q2", new DateTimeOffset(2017, 11, 21, 9, 0, 0, TimeSpan.Zero))!.Kind);
        Assert.Null(periods.Next("2017-18-Q2", rollups[^1]));
    }

    private static PeriodCalendar Periods(DateTimeOffset now)
    {
        var options = new SignOffOptions();
        var calendar = new SignOffCalendar(
            new Dictionary<string, DateOnly> { ["2017-18-Q2"] = new(2017, 11, 24), ["2017-18-Q3"] = new(2018, 2, 23) }, [], options.Zone(), options.DeadlineTimeOfDay);
        return new PeriodCalendar(calendar, options, new Microsoft.Extensions.Time.Testing.FakeTimeProvider(now));
    }

    private static async Task<JsonElement> RunAsync(HttpClient admin)
    {
        using var response = await admin.PostAsync(new Uri($"/api/rollups/{Period}", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
