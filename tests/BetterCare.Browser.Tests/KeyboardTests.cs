using Microsoft.Playwright;

namespace BetterCare.Browser.Tests;

/// <summary>The lead's whole journey with the keyboard alone: Tab to each control, Enter or Space to use it; never the mouse.</summary>
public sealed class KeyboardTests(BrowserFixture browser) : SiteTest(browser)
{
    private readonly Returns _returns = new();

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _returns.Dispose();
    }

    [Fact]
    public async Task ALeadSignsInTakesTheTemplateUploadsAndCorrectsAReturnWithTheKeyboardAlone()
    {
        await using var visit = await Browser.VisitAsync(Site.Address);

        // File choosers are intercepted from the start. Asking only when Space is pressed sends the
        // request to intercept alongside the key, and the two are handled concurrently: once, in a busy
        // run, the key won, the dialog opened unintercepted, and the wait for it timed out.
        visit.Page.FileChooser += InterceptedFromTheStart;
        await visit.GotoAsync("/sign-in");

        // Sign in: the skip link first, then the service name, then the field.
        await TabToAsync(visit, "the access key field", "el.id === 'key'");
        await visit.Page.Keyboard.TypeAsync(Site.LeadKey);
        await PressToNavigateAsync(visit, "Enter");
        Assert.Equal("North East Lincolnshire: your returns", await visit.HeadingAsync());

        // The period's template.
        await TabToAsync(visit, "the 2017-18 quarter 2 template link", "el.textContent.includes('Download the 2017-18 quarter 2 template')");
        var download = await visit.Page.RunAndWaitForDownloadAsync(() => visit.Page.Keyboard.PressAsync("Enter")).WaitAsync(BrowserFixture.StepTimeout);
        Assert.Equal("E06000012-2017-18-Q2-quarterly-return.xlsx", download.SuggestedFilename);

        // The flawed workbook: chosen from the file field with Space, sent with Enter.
        await TabToAsync(visit, "the upload link", "el.textContent.trim() === 'Upload a return'");
        await PressToNavigateAsync(visit, "Enter");
        await ChooseAndSendAsync(visit, _returns.WithWrongTotal());
        Assert.Equal("Your return needs changes", await visit.HeadingAsync());
        Assert.Matches(@"[A-Z]+[0-9]+", await visit.Page.Locator("table", new() { HasText = "Contributions sheet" }).First.InnerTextAsync());

        // The corrected one.
        await TabToAsync(visit, "the link to upload another", "el.textContent.trim() === 'Upload another workbook'");
        await PressToNavigateAsync(visit, "Enter");
        await ChooseAndSendAsync(visit, _returns.Clean());
        Assert.Equal("Your return has no errors", await visit.HeadingAsync());
        Assert.Contains("accepted", await visit.Page.Locator(".nhsuk-inset-text").InnerTextAsync(), StringComparison.Ordinal);
    }

    /// <summary>Subscribed so that the browser intercepts file choosers; each is taken by the wait in <see cref="ChooseAndSendAsync"/>.</summary>
    private static void InterceptedFromTheStart(object? sender, IFileChooser chooser)
    {
    }

    private static async Task ChooseAndSendAsync(Visit visit, string path)
    {
        await TabToAsync(visit, "the file field", "el.id === 'file'");
        var chooser = await visit.Page.RunAndWaitForFileChooserAsync(() => visit.Page.Keyboard.PressAsync("Space")).WaitAsync(BrowserFixture.StepTimeout);
        await chooser.SetFilesAsync(path);
        await TabToAsync(visit, "the upload button", "el.textContent.trim() === 'Upload and check'");
        await PressToNavigateAsync(visit, "Enter");
    }

    /// <summary>Presses Tab until the focused element passes <paramref name="test"/> (JavaScript over <c>el</c>), at most 60 times.</summary>
    private static async Task TabToAsync(Visit visit, string what, string test)
    {
        for (var i = 0; i < 60; i++)
        {
            if (await visit.Page.EvaluateAsync<bool>($"() => {{ const el = document.activeElement; return !!el && el !== document.body && ({test}); }}"))
            {
                return;
            }

            await visit.Page.Keyboard.PressAsync("Tab");
        }

        Assert.Fail($"Tab never reached {what}");
    }

    private static Task PressToNavigateAsync(Visit visit, string key)
    {
#pragma warning disable CS0612 // See Pages.ClickToNavigateAsync: the navigation itself is what is waited for.
        return visit.Page.RunAndWaitForNavigationAsync(() => visit.Page.Keyboard.PressAsync(key), new() { WaitUntil = WaitUntilState.Load }).WaitAsync(BrowserFixture.StepTimeout);
#pragma warning restore CS0612
    }
}
