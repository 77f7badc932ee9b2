using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace BetterCare.Browser.Tests;

/// <summary>What every page visit checks and keeps: accessibility (axe, JavaScript on), a screenshot, nothing off-site.</summary>
internal static class Pages
{
    public static string Screenshots { get; } = Path.Combine(Repo.Root, "TestResults", "screenshots");

    /// <summary>Axe finds no serious or critical violation on the page as it stands, and a full-page screenshot is kept under <paramref name="name"/>.</summary>
    public static async Task CheckAsync(Visit visit, string name)
    {
        Directory.CreateDirectory(Screenshots);
        await visit.Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, name + ".png"), FullPage = true }).WaitAsync(BrowserFixture.StepTimeout);
        if (visit.JavaScript)
        {
            var results = await visit.Page.RunAxe().WaitAsync(BrowserFixture.StepTimeout);
            var bad = results.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target))}").ToList();
            Assert.True(bad.Count == 0, $"{name}: " + string.Join("; ", bad));
        }

        Assert.Empty(visit.Offsite);
    }

    public static Task GotoAsync(this Visit visit, string path) =>
        visit.Page.GotoAsync(path).WaitAsync(BrowserFixture.StepTimeout);

    /// <summary>Signs in on the sign-in page with a key, by label and button as a person would, and waits for the page it leads to.</summary>
    public static async Task SignInAsync(this Visit visit, string key)
    {
        await visit.Page.GetByLabel("Access key").FillAsync(key).WaitAsync(BrowserFixture.StepTimeout);
        await visit.ClickToNavigateAsync(visit.Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }));
    }

    /// <summary>Clicks something that loads another page (a link, a form's button) and waits until that page has loaded, so nothing is read from the old one.</summary>
    /// <remarks>
    /// Playwright marks this wait obsolete in favour of waiting for a known URL, but a form post may
    /// answer at its own address or redirect anywhere: the navigation itself is what is waited for.
    /// </remarks>
    public static Task ClickToNavigateAsync(this Visit visit, ILocator target)
    {
#pragma warning disable CS0612
        return visit.Page.RunAndWaitForNavigationAsync(() => target.ClickAsync(), new() { WaitUntil = WaitUntilState.Load }).WaitAsync(BrowserFixture.StepTimeout);
#pragma warning restore CS0612
    }

    /// <summary>A page that reloads itself may be between loads when read: then it reads as empty, to be read again.</summary>
    public static async Task<string> TextWhileReloadingAsync(ILocator locator)
    {
        try
        {
            return await locator.InnerTextAsync(new() { Timeout = 5000 }).WaitAsync(BrowserFixture.StepTimeout);
        }
        catch (PlaywrightException)
        {
            return string.Empty;
        }
    }

    /// <summary>The page's one main heading.</summary>
    public static async Task<string> HeadingAsync(this Visit visit) =>
        (await visit.Page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync().WaitAsync(BrowserFixture.StepTimeout)).Trim();
}
