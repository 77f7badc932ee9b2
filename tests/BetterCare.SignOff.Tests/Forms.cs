using System.Net;
using System.Text.RegularExpressions;

namespace BetterCare.SignOff.Tests;

/// <summary>Forms as a browser sends them: first the page, for its anti-forgery field and cookie, then the post.</summary>
public static partial class Forms
{
    /// <summary>Opens the page at <paramref name="path"/> and posts its form there with these fields (and the page's anti-forgery field, when the page has a form).</summary>
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, params (string Name, string Value)[] fields)
    {
        ArgumentNullException.ThrowIfNull(client);
        var token = await TokenAsync(client, path);
        var all = fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).ToList();
        if (token is { } t)
        {
            all.Add(new(t.Field, t.Value));
        }

        using var form = new FormUrlEncodedContent(all);
        return await client.PostAsync(new Uri(path, UriKind.Relative), form);
    }

    /// <summary>Posts these fields only: no anti-forgery field, as a form on another site would.</summary>
    public static async Task<HttpResponseMessage> PostWithoutTokenAsync(HttpClient client, string path, params (string Name, string Value)[] fields)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var form = new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
        return await client.PostAsync(new Uri(path, UriKind.Relative), form);
    }

    /// <summary>Signs a test client in with an access key, as a person does on the sign-in page; its cookies then carry the session.</summary>
    public static async Task SignInAsync(HttpClient client, string key)
    {
        using var response = await PostAsync(client, "/sign-in", ("key", key), ("returnUrl", "/"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private static async Task<(string Field, string Value)?> TokenAsync(HttpClient client, string path)
    {
        using var page = await client.GetAsync(new Uri(path, UriKind.Relative));
        var match = Field().Match(await page.Content.ReadAsStringAsync());
        return match.Success ? (match.Groups[1].Value, WebUtility.HtmlDecode(match.Groups[2].Value)) : null;
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"(__bc_af)\" value=\"([^\"]+)\"")]
    private static partial Regex Field();
}
