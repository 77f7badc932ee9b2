using Microsoft.Playwright;

namespace BetterCare.Browser.Tests;

/// <summary>A lead uploads a flawed return, reads what is wrong with its cells, uploads the corrected one and sees it accepted.</summary>
public sealed class UploadTests(BrowserFixture browser) : SiteTest(browser)
{
    private readonly Returns _returns = new();

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _returns.Dispose();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ALeadUploadsAFlawedReturnReadsItsFindingsThenUploadsTheCorrectedOne(bool javaScript)
    {
        await using var visit = await Browser.VisitAsync(Site.Address, javaScript);
        var suffix = javaScript ? string.Empty : "-no-js";
        await visit.GotoAsync("/");
        await visit.SignInAsync(Site.LeadKey);

        // The period's template, pre-filled for the board: its code, the period, its partners.
        var download = await visit.Page.RunAndWaitForDownloadAsync(() =>
            visit.Page.GetByRole(AriaRole.Link, new() { Name = "Download the 2017-18 quarter 2 template for your board" }).ClickAsync());
        var template = Path.Combine(_returns.Folder, download.SuggestedFilename);
        await download.SaveAsAsync(template);
        var read = new BetterCare.Returns.Reading.WorkbookReader().Read(File.OpenRead(template), download.SuggestedFilename);
        var parsed = BetterCare.Returns.Parsing.ReturnParser.Parse(read.Workbook!);
        Assert.Equal("E06000012", parsed.Cover!.HwbCode);
        Assert.Equal("2017-18-Q2", parsed.Cover.Period?.ToString());
        Assert.Contains(parsed.Contributions!.Rows, r => r.Name.Contains("North East Lincolnshire CCG", StringComparison.Ordinal));

        await visit.ClickToNavigateAsync(visit.Page.GetByRole(AriaRole.Link, new() { Name = "Upload a return" }));
        Assert.Equal("Upload a return", await visit.HeadingAsync());
        await Pages.CheckAsync(visit, "upload" + suffix);

        // The flawed one: rejected, and the report says which cell and by how much.
        await visit.Page.GetByLabel("Quarterly return workbook").SetInputFilesAsync(_returns.WithWrongTotal());
        await visit.ClickToNavigateAsync(visit.Page.GetByRole(AriaRole.Button, new() { Name = "Upload and check" }));
        Assert.Equal("Your return needs changes", await visit.HeadingAsync());
        var errors = visit.Page.Locator("table", new() { HasText = "Contributions sheet" }).First;
        var text = await errors.InnerTextAsync();
        Assert.Matches(@"[A-Z]+[0-9]+", text);
        Assert.Contains("£", text, StringComparison.Ordinal);
        Assert.Contains("error", await visit.Page.Locator(".nhsuk-inset-text").InnerTextAsync(), StringComparison.Ordinal);
        await Pages.CheckAsync(visit, "report-rejected" + suffix);

        // The corrected one: no errors, accepted.
        await visit.ClickToNavigateAsync(visit.Page.GetByRole(AriaRole.Link, new() { Name = "Upload another workbook" }));
        var clean = _returns.Clean();
        await visit.Page.GetByLabel("Quarterly return workbook").SetInputFilesAsync(clean);
        await visit.ClickToNavigateAsync(visit.Page.GetByRole(AriaRole.Button, new() { Name = "Upload and check" }));
        Assert.Equal("Your return has no errors", await visit.HeadingAsync());
        Assert.Contains("accepted", await visit.Page.Locator(".nhsuk-inset-text").InnerTextAsync(), StringComparison.Ordinal);
        await Pages.CheckAsync(visit, "report-accepted" + suffix);

        // Its page follows it (reloading itself) until the signatories have been asked.
        await visit.ClickToNavigateAsync(visit.Page.GetByRole(AriaRole.Link, new() { Name = "Follow this return" }));
        var tag = visit.Page.Locator("main .nhsuk-tag").First;
        var timelineTable = visit.Page.Locator("table", new() { HasText = "What happened" });
        await Eventually.Async(() => Pages.TextWhileReloadingAsync(timelineTable), t => t.Contains("sign-off requested from", StringComparison.Ordinal), "the page to show the sign-off requests", seconds: 60);
        Assert.Matches(@"Accepted, awaiting (\d+) of \1 signatures", await tag.InnerTextAsync());
        var timeline = await visit.Page.Locator("table", new() { HasText = "What happened" }).InnerTextAsync();
        Assert.Contains("sign-off requested from", timeline, StringComparison.Ordinal);
        Assert.Contains("Not yet signed", await visit.Page.Locator("table", new() { HasText = "Signing for" }).InnerTextAsync(), StringComparison.Ordinal);
        await Pages.CheckAsync(visit, "submission-awaiting-signatures" + suffix);

        // The workbook as it was uploaded.
        var archived = await visit.Page.RunAndWaitForDownloadAsync(() => visit.Page.GetByRole(AriaRole.Link, new() { Name = "Download the workbook as it was uploaded" }).ClickAsync());
        Assert.Equal("nel-2017-18-q2.xlsx", archived.SuggestedFilename);
        var copy = Path.Combine(_returns.Folder, "archived.xlsx");
        await archived.SaveAsAsync(copy);
        Assert.Equal(await File.ReadAllBytesAsync(clean), await File.ReadAllBytesAsync(copy));
    }

    [Fact]
    public async Task UploadingWithNoFileChosenSaysWhatToDo()
    {
        await using var visit = await Browser.VisitAsync(Site.Address);
        await visit.GotoAsync("/upload");
        await visit.SignInAsync(Site.LeadKey);
        await visit.ClickToNavigateAsync(visit.Page.GetByRole(AriaRole.Button, new() { Name = "Upload and check" }));

        Assert.Equal("Upload a return", await visit.HeadingAsync());
        var summary = visit.Page.Locator(".nhsuk-error-summary");
        Assert.Contains("Choose the workbook to upload", await summary.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("#file", await summary.GetByRole(AriaRole.Link).GetAttributeAsync("href"));
        await Pages.CheckAsync(visit, "upload-no-file");
    }
}
