using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;

namespace BetterCare.App.Auth;

/// <summary>
/// A signed-in browser: an HttpOnly, SameSite=Strict cookie (Secure over HTTPS) holding, protected
/// by ASP.NET Core Data Protection, which API key was given and when. The key itself never goes in
/// the cookie, only a fingerprint of it, so removing a key from the configuration signs its
/// sessions out. A session lasts <see cref="Lifetime"/>.
/// </summary>
public sealed class SessionCookie(IDataProtectionProvider protection, TimeProvider clock, Microsoft.Extensions.Options.IOptions<BetterCareSettings> settings)
{
    public const string Name = "bc_session";

    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(8);

    private readonly IDataProtector _protector = protection.CreateProtector("BetterCare.Session.v1");

    /// <summary>
    /// Secure whenever the site is served over HTTPS: the request says so, or the public address
    /// does (in Azure the platform's front end ends TLS before the request reaches the app).
    /// </summary>
    private readonly bool _httpsSite = IsHttps(settings.Value.PublicBaseUrl);

    public static bool IsHttps(string? url) => Uri.TryCreate(url, UriKind.Absolute, out var u) && u.Scheme == Uri.UriSchemeHttps;

    /// <summary>A key's fingerprint: the first 16 bytes of its SHA-256, as hex.</summary>
    public static string Fingerprint(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key))[..16]);

    public void Issue(HttpContext context, string fingerprint)
    {
        ArgumentNullException.ThrowIfNull(context);
        var value = _protector.Protect($"{fingerprint}|{clock.GetUtcNow().ToUnixTimeSeconds()}");
        context.Response.Cookies.Append(Name, value, Options(context, Lifetime));
    }

    public void Clear(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Cookies.Delete(Name, Options(context, null));
    }

    /// <summary>The fingerprint of the key a live session was opened with; null for none, a tampered or an expired one.</summary>
    public string? Read(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var value = request.Cookies[Name];
        if (string.IsNullOrEmpty(value) || value.Length > 4096)
        {
            return null;
        }

        try
        {
            var parts = _protector.Unprotect(value).Split('|');
            if (parts.Length != 2 || !long.TryParse(parts[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var issued))
            {
                return null;
            }

            var age = clock.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(issued);
            return age >= TimeSpan.Zero && age < Lifetime ? parts[0] : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    private CookieOptions Options(HttpContext context, TimeSpan? maxAge) => new()
    {
        HttpOnly = true,
        Secure = _httpsSite || context.Request.IsHttps,
        SameSite = SameSiteMode.Strict,
        Path = "/",
        MaxAge = maxAge,
        IsEssential = true,
    };
}
