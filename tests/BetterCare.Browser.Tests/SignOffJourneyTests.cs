using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.Playwright;
using Sheet = DocumentFormat.OpenXml.Spreadsheet;

namespace BetterCare.Browser.Tests;

/// <summary>
/// From upload to signed off, as the people involved see it: the signatories open the links in
/// their emails and decide; the regional manager's dashboard shows each state the board passes
/// through, and its downloads carry the page's figures; the lead sees the return signed off.
/// </summary>
public sealed class SignOffJourneyTests(BrowserFixture browser) : SiteTest(browser)
{
    private const string Nel = "E06000012";
    private const string Cfo = "cfo@nelccg.example";
    private const string Council = "das@nelc.example";
    private const string Chair = "hwb.chair@nelc.example";
    private const string Dashboard = "/periods/2017-18-Q2/dashboard";

    private readonly Returns _returns = new();

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _returns.Dispose();
    }

    [Fact]
    public async Task SignatoriesSignFromTheirEmailsWhileTheManagersDashboardFollowsEveryState()
    {
        await using var manager = await Browser.VisitAsync(Site.Address);
        await manager.GotoAsync(Dashboard);
        await manager.SignInAsync(Site.ManagerKey);
        Assert.Equal("North East and Yorkshire", await manager.HeadingAsync());
        Assert.Equal("Not submitted", await StateAsync(manager));
        await Pages.CheckAsync(manager, "dashboard-empty");

        // A rejected upload, then an accepted one waiting for its three signatures.
        await Uploads.SendAsync(Site, Site.LeadKey, _returns.WithWrongTotal());
        Assert.Equal("Rejected", await StateOnceAsync(manager, "Rejected"));
        var first = await Uploads.SendAsync(Site, Site.LeadKey, _returns.WithConditionNotMet());
        Assert.Equal("Accepted, awaiting 3 of 3 signatures", await StateOnceAsync(manager, "Accepted, awaiting 3 of 3 signatures"));

        // The CFO opens the link in their email: the return in full with its warning, who else is to sign, their declaration.
        var cfoLink = await Mailbox.LinkAsync(Site, Cfo, "Please sign off", "/sign-off/");
        await using (var cfo = await Browser.VisitAsync(Site.Address))
        {
            await cfo.Page.GotoAsync(cfoLink.ToString()).WaitAsync(BrowserFixture.StepTimeout);
            Assert.Equal("Sign off the 2017-18 quarter 2 return", await cfo.HeadingAsync());
            var main = await cfo.Page.Locator("main").InnerTextAsync();
            Assert.Contains("2 other signatories still to sign", main, StringComparison.Ordinal);
            Assert.Contains("I, NELCCG Chief Finance Officer, Chief Finance Officer and pooled budget manager of North East Lincolnshire CCG, confirm that", main, StringComparison.Ordinal);
            Assert.Contains("Contributions to the pool", main, StringComparison.Ordinal);
            Assert.Contains("Schemes: spend by scheme type", main, StringComparison.Ordinal);
            var warnings = await cfo.Page.Locator("table", new() { HasText = "What was found" }).InnerTextAsync();
            Assert.Contains("National Conditions sheet, cell", warnings, StringComparison.Ordinal);
            Assert.Contains("Managing transfers of care", warnings, StringComparison.Ordinal);
            await Pages.CheckAsync(cfo, "sign-off");

            // Signing without the box ticked says what to do, at the box.
            await cfo.ClickToNavigateAsync(cfo.Page.GetByRole(AriaRole.Button, new() { Name = "Sign off the return" }));
            Assert.Contains("Tick the box", await cfo.Page.Locator(".nhsuk-error-summary").InnerTextAsync(), StringComparison.Ordinal);
            await Pages.CheckAsync(cfo, "sign-off-error");

            // They decline instead, saying why.
            await cfo.Page.GetByLabel("What needs to change").FillAsync("The High Impact Change Model condition is met: correct the Conditions sheet.");
            await cfo.ClickToNavigateAsync(cfo.Page.GetByRole(AriaRole.Button, new() { Name = "Decline to sign off" }));
            Assert.Equal("Declined", await cfo.HeadingAsync());
            await Pages.CheckAsync(cfo, "sign-off-declined");
        }

        Assert.Equal("Changes requested", await StateOnceAsync(manager, "Changes requested"));

        // The others' links to the declined return no longer open the form, and say why.
        var councilFirst = await Mailbox.LinkAsync(Site, Council, "Please sign off", "/sign-off/");
        await using (var council = await Browser.VisitAsync(Site.Address))
        {
            var closed = await council.Page.GotoAsync(councilFirst.ToString()).WaitAsync(BrowserFixture.StepTimeout);
            Assert.Equal(409, closed!.Status);
            Assert.Equal("This return no longer waits for sign-off", await council.HeadingAsync());
            Assert.Equal(0, await council.Page.Locator("main form").CountAsync());
            await Pages.CheckAsync(council, "sign-off-link-closed");
        }

        // The corrected return: each signatory signs from their new email, one with JavaScript off.
        var second = await Uploads.SendAsync(Site, Site.LeadKey, _returns.Clean());
        Assert.NotEqual(first, second);
        Assert.Equal("Accepted, awaiting 3 of 3 signatures", await StateOnceAsync(manager, "Accepted, awaiting 3 of 3 signatures"));
        var signed = 0;
        foreach (var (address, javaScript) in new[] { (Cfo, true), (Council, false), (Chair, true) })
        {
            var link = await Mailbox.LinkAsync(Site, address, "Please sign off", "/sign-off/", atLeast: 2);
            await using var signatory = await Browser.VisitAsync(Site.Address, javaScript);
            await signatory.Page.GotoAsync(link.ToString()).WaitAsync(BrowserFixture.StepTimeout);
            await signatory.Page.GetByLabel("I make this declaration").CheckAsync();
            await signatory.ClickToNavigateAsync(signatory.Page.GetByRole(AriaRole.Button, new() { Name = "Sign off the return" }));
            Assert.Equal("Signed off", await signatory.HeadingAsync());
            signed++;
            if (!javaScript)
            {
                await Pages.CheckAsync(signatory, "sign-off-signed-no-js");
                await signatory.ClickToNavigateAsync(signatory.Page.GetByRole(AriaRole.Link, new() { Name = "Printable record of what was signed" }));
                Assert.Contains("Declaration or comment", await signatory.Page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
                await Pages.CheckAsync(signatory, "sign-off-record-no-js");
            }

            if (signed == 1)
            {
                Assert.Contains("2 other signatories are still to sign", await signatory.Page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
                await Pages.CheckAsync(signatory, "sign-off-signed");
                await signatory.ClickToNavigateAsync(signatory.Page.GetByRole(AriaRole.Link, new() { Name = "Printable record of what was signed" }));
                Assert.Contains("Signed ", await signatory.Page.Locator("table", new() { HasText = "Declaration or comment" }).InnerTextAsync(), StringComparison.Ordinal);
                await signatory.Page.EmulateMediaAsync(new() { Media = Media.Print });
                Assert.False(await signatory.Page.Locator("header.nhsuk-header").IsVisibleAsync(), "the header is left out of the print");
                await Pages.CheckAsync(signatory, "sign-off-record-print");
                Assert.Equal("Accepted, awaiting 2 of 3 signatures", await StateOnceAsync(manager, "Accepted, awaiting 2 of 3 signatures"));
            }
        }

        Assert.Equal("Signed off", await StateOnceAsync(manager, "Signed off"));

        // The lead follows the link in their "signed off" email: signing in first, then back to the record of who signed, then the return's page.
        var record = await Mailbox.LinkAsync(Site, "bcf.lead@nelccg.example", "Signed off:", $"/submissions/{second}/record");
        await using (var lead = await Browser.VisitAsync(Site.Address))
        {
            await lead.Page.GotoAsync(record.ToString()).WaitAsync(BrowserFixture.StepTimeout);
            Assert.Equal("Sign in", await lead.HeadingAsync());
            await lead.SignInAsync(Site.LeadKey);
            Assert.Equal(record.ToString(), lead.Page.Url);
            Assert.Equal(3, await lead.Page.Locator("td", new() { HasTextRegex = new System.Text.RegularExpressions.Regex("^Signed ") }).CountAsync());
            await Pages.CheckAsync(lead, "submission-record");
            await lead.GotoAsync($"/submissions/{second}");
            Assert.Equal("Signed off", (await lead.Page.Locator("main .nhsuk-tag").First.InnerTextAsync()).Trim());
            Assert.Contains("Every signatory has decided.", await lead.Page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
            await Pages.CheckAsync(lead, "submission-signed-off");
        }

        // A later flawed upload: the signed-off return still counts, and the dashboard says both.
        await Uploads.SendAsync(Site, Site.LeadKey, _returns.WithWrongTotal());
        Assert.Equal("Latest upload rejected; the earlier accepted return still counts", await StateOnceAsync(manager, "Latest upload rejected; the earlier accepted return still counts"));
        await Pages.CheckAsync(manager, "dashboard");

        // The downloads carry the page's figures, row for row.
        var page = await RowsOnPageAsync(manager);
        var csv = await DownloadAsync(manager, "Download this table as CSV");
        var csvRows = File.ReadAllLines(csv).Skip(1).Select(Csv).ToDictionary(r => r[1], StringComparer.Ordinal);
        var xlsx = await DownloadAsync(manager, "Download this table and the quarters as an Excel workbook");
        var (headers, excelRows, frozen, filtered) = ReadFirstSheet(xlsx);
        Assert.Equal(["Period", "HWB code", "HWB name", "County", "State", "Pool", "Minimum", "Pool less minimum", "Minimum from"], headers);
        Assert.True(frozen, "the header row is frozen");
        Assert.True(filtered, "the header row has filters");
        var excelByCode = excelRows.ToDictionary(r => r[1], StringComparer.Ordinal);
        Assert.Equal(page.Count, csvRows.Count);
        Assert.Equal(page.Count, excelByCode.Count);
        foreach (var (code, (name, state, pool)) in page)
        {
            Assert.Equal(name, csvRows[code][2]);
            Assert.Equal(state, csvRows[code][4]);
            Assert.Equal(pool, Pounds(csvRows[code][5]));
            Assert.Equal(name, excelByCode[code][2]);
            Assert.Equal(state, excelByCode[code][4]);
            Assert.Equal(pool, Pounds(excelByCode[code][5]));
        }

        Assert.Equal("£17,900,000", page[Nel].Pool);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task NationalStaffChooseARegionAndAnUnknownOneIsNamedWithTheKnownOnes(bool javaScript)
    {
        var suffix = javaScript ? string.Empty : "-no-js";
        await using var admin = await Browser.VisitAsync(Site.Address, javaScript);
        await admin.GotoAsync(Dashboard);
        await admin.SignInAsync(Site.AdminKey);
        Assert.Equal("Choose a region", await admin.HeadingAsync());
        await Pages.CheckAsync(admin, "dashboard-choose-region" + suffix);
        await admin.ClickToNavigateAsync(admin.Page.GetByRole(AriaRole.Link, new() { Name = "East of England" }));
        Assert.Equal("East of England", await admin.HeadingAsync());
        Assert.Contains("Essex", await admin.Page.Locator("table").First.InnerTextAsync(), StringComparison.Ordinal);
        await Pages.CheckAsync(admin, "dashboard-east" + suffix);

        var response = await admin.Page.GotoAsync(Dashboard + "?region=Atlantis");
        Assert.Equal(404, response!.Status);
        Assert.Contains("The regions are: ", await admin.Page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
    }

    /// <summary>The board's state on the dashboard, reloading until it reads <paramref name="expected"/> (the workflow records decisions a moment after they are made).</summary>
    private static Task<string> StateOnceAsync(Visit visit, string expected) =>
        Eventually.Async(() => StateAsync(visit), s => s == expected, $"the dashboard to show '{expected}'", seconds: 60);

    private static async Task<string> StateAsync(Visit visit)
    {
        await visit.GotoAsync(Dashboard);
        return (await visit.Page.Locator($"tr[data-hwb='{Nel}'] .nhsuk-tag").InnerTextAsync().WaitAsync(BrowserFixture.StepTimeout)).Trim();
    }

    private static async Task<Dictionary<string, (string Name, string State, string Pool)>> RowsOnPageAsync(Visit visit)
    {
        var rows = new Dictionary<string, (string, string, string)>(StringComparer.Ordinal);
        foreach (var row in await visit.Page.Locator("tr[data-hwb]").AllAsync())
        {
            var code = (await row.GetAttributeAsync("data-hwb"))!;
            var cells = row.Locator("td");
            var board = (await cells.Nth(0).InnerTextAsync()).Replace("Board", string.Empty, StringComparison.Ordinal).Trim();
            var name = board[..board.LastIndexOf(" (", StringComparison.Ordinal)].Trim();
            var state = (await cells.Nth(2).Locator(".nhsuk-tag").InnerTextAsync()).Trim();
            var pool = (await cells.Nth(3).InnerTextAsync()).Replace("Pool", string.Empty, StringComparison.Ordinal).Trim();
            rows[code] = (name, state, pool);
        }

        return rows;
    }

    private async Task<string> DownloadAsync(Visit visit, string link)
    {
        var download = await visit.Page.RunAndWaitForDownloadAsync(() => visit.Page.GetByRole(AriaRole.Link, new() { Name = link }).ClickAsync()).WaitAsync(BrowserFixture.StepTimeout);
        var path = Path.Combine(_returns.Folder, download.SuggestedFilename);
        Assert.Null(await download.FailureAsync());
        await download.SaveAsAsync(path);
        return path;
    }

    /// <summary>"17900000.00" (or a number) as the page writes money: "£17,900,000"; empty stays empty.</summary>
    private static string Pounds(string value) =>
        value.Length == 0 ? string.Empty : new BetterCare.Returns.Currency.Money((long)Math.Round(decimal.Parse(value, CultureInfo.InvariantCulture) * 100)).ToString();

    /// <summary>One CSV line's fields (quoted fields may hold commas).</summary>
    private static string[] Csv(string line)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"')
            {
                field.Append('"');
                i++;
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        return [.. fields];
    }

    private static (string[] Headers, List<string[]> Rows, bool Frozen, bool Filtered) ReadFirstSheet(string path)
    {
        using var document = SpreadsheetDocument.Open(path, false);
        var part = document.WorkbookPart!.WorksheetParts.First(p => document.WorkbookPart.GetIdOfPart(p) == document.WorkbookPart.Workbook.Sheets!.Elements<Sheet.Sheet>().First().Id);
        var rows = part.Worksheet.Descendants<Sheet.Row>().Select(r =>
        {
            var cells = new string[9];
            foreach (var cell in r.Elements<Sheet.Cell>())
            {
                var column = cell.CellReference!.Value![0] - 'A';
                if (column is >= 0 and < 9)
                {
                    cells[column] = cell.InlineString?.InnerText ?? cell.CellValue?.Text ?? string.Empty;
                }
            }

            return cells.Select(c => c ?? string.Empty).ToArray();
        }).ToList();
        var frozen = part.Worksheet.Descendants<Sheet.Pane>().Any(p => p.State?.Value == Sheet.PaneStateValues.Frozen && p.VerticalSplit?.Value == 1);
        var filtered = part.Worksheet.Elements<Sheet.AutoFilter>().Any(f => f.Reference?.Value?.StartsWith("A1:", StringComparison.Ordinal) == true);
        return (rows[0], rows.Skip(1).ToList(), frozen, filtered);
    }
}
