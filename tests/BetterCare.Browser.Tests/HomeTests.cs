using System.Net;
using Microsoft.Playwright;

namespace BetterCare.Browser.Tests;

/// <summary>What the home page offers depends on who signed in.</summary>
public sealed class HomeTests(BrowserFixture browser) : SiteTest(browser)
{

    [Fact]
    public async Task ARegionalManagerSeesTheRegionsPeriodsAndCannotUploadOrTakeABoardsTemplate()
    {
        await using var visit = await Browser.VisitAsync(Site.Address);
        await visit.GotoAsync("/");
        await visit.SignInAsync(Site.ManagerKey);

        Assert.Equal("Returns in North East and Yorkshire", await visit.HeadingAsync());
        Assert.Contains("0 accepted of 0 received", await visit.Page.GetByRole(AriaRole.Row).Nth(1).InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await visit.Page.GetByRole(AriaRole.Link, new() { Name = "Upload a return" }).CountAsync());
        await Pages.CheckAsync(visit, "manager-home");

        var response = await visit.Page.GotoAsync("/periods/2017-18-Q2/template");
        Assert.Equal((int)HttpStatusCode.NotFound, response!.Status);
        Assert.Equal("Page not found", await visit.HeadingAsync());
        Assert.Contains("Templates are made for a board's lead", await visit.Page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await Pages.CheckAsync(visit, "not-found");
    }
}
