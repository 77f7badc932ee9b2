using System.Net;
using Microsoft.Playwright;

namespace BetterCare.Browser.Tests;

/// <summary>Signing in and out, in a real browser: with JavaScript, without it, and with the keyboard alone.</summary>
public sealed class SignInTests(BrowserFixture browser) : SiteTest(browser)
{

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ALeadSignsInSeesTheBoardsPeriodsAndSignsOut(bool javaScript)
    {
        await using var visit = await Browser.VisitAsync(Site.Address, javaScript);
        var suffix = javaScript ? string.Empty : "-no-js";

        // Not signed in: the home page sends the person to sign in, and back afterwards.
        await visit.GotoAsync("/");
        Assert.EndsWith("/sign-in?returnUrl=%2F", visit.Page.Url, StringComparison.Ordinal);
        Assert.Equal("Sign in", await visit.HeadingAsync());
        await Pages.CheckAsync(visit, "sign-in" + suffix);

        // A wrong key: the error summary says so and links to the field.
        await visit.SignInAsync("not-a-key");
        Assert.Equal("Sign in", await visit.HeadingAsync());
        var summary = visit.Page.Locator(".nhsuk-error-summary");
        Assert.Contains("That access key is not one this service knows", await summary.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("#key", await summary.GetByRole(AriaRole.Link).GetAttributeAsync("href"));
        await Pages.CheckAsync(visit, "sign-in-wrong-key" + suffix);

        // The right key: the board's periods, newest first, each with its state and deadline.
        await visit.SignInAsync(Site.LeadKey);
        Assert.Equal(Site.Address + string.Empty, visit.Page.Url);
        Assert.Equal("North East Lincolnshire: your returns", await visit.HeadingAsync());
        var first = visit.Page.GetByRole(AriaRole.Row).Nth(1);
        Assert.Contains("2017-18 quarter 4", await first.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Not submitted", await first.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Friday 25 May 2018, 17:00", await first.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains(Site.LeadName, await visit.Page.Locator(".nhsuk-header__account").InnerTextAsync(), StringComparison.Ordinal);
        await Pages.CheckAsync(visit, "lead-home" + suffix);

        // Signing out ends the session: the home page asks for a key again.
        await visit.ClickToNavigateAsync(visit.Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }));
        Assert.Equal("Sign in", await visit.HeadingAsync());
        await visit.GotoAsync("/");
        Assert.Contains("/sign-in", visit.Page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SigningInGoesBackToThePageAskedForButNeverToAnotherSite()
    {
        await using var visit = await Browser.VisitAsync(Site.Address);
        await visit.GotoAsync("/sign-in?returnUrl=%2F%2Fevil.example%2Fphish");
        await visit.SignInAsync(Site.LeadKey);
        Assert.Equal(Site.Address.ToString(), visit.Page.Url);
        Assert.Empty(visit.Offsite);
    }

    [Fact]
    public async Task EveryPageSendsItsProtectiveHeaders()
    {
        using var client = new HttpClient { BaseAddress = Site.Address };
        using var response = await client.GetAsync(new Uri("/sign-in", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("default-src 'self'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task ASignInPostedFromAnotherSiteOrWithoutItsTokenIsRefused()
    {
        // A form on another site posting the right key: no anti-forgery token, so no session.
        using var handler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true };
        using var client = new HttpClient(handler) { BaseAddress = Site.Address };
        using var forged = new FormUrlEncodedContent(new Dictionary<string, string> { ["key"] = Site.LeadKey, ["returnUrl"] = "/" });
        forged.Headers.Add("Origin", "https://evil.example");
        using var response = await client.PostAsync(new Uri("/sign-in", UriKind.Relative), forged);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("That form could not be sent", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(handler.CookieContainer.GetCookies(Site.Address).Cast<System.Net.Cookie>(), c => c.Name == "bc_session");
        using var home = await client.GetAsync(new Uri("/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
    }

    [Fact]
    public async Task AForgedPlatformPrincipalIsNotBelievedWhenThePlatformDoesNotSignPeopleIn()
    {
        var principal = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(
            """{"auth_typ":"aad","name_typ":"name","claims":[{"typ":"name","val":"Service administrator"}]}"""));
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = Site.Address };
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/", UriKind.Relative));
        request.Headers.Add("X-MS-CLIENT-PRINCIPAL", principal);
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/sign-in", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }
}
