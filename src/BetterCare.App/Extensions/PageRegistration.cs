using BetterCare.App.Auth;
using BetterCare.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;

namespace BetterCare.App.Extensions;

/// <summary>
/// What the pages need: Data Protection with its key ring in the app's storage (so cookies and
/// anti-forgery tokens hold across instances and restarts), anti-forgery tokens in a
/// SameSite=Strict cookie and a hidden form field, and the session cookie.
/// </summary>
public static class PageRegistration
{
    public const string AntiforgeryField = "__bc_af";

    public static IHostApplicationBuilder AddPages(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddDataProtection().SetApplicationName("BetterCare");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp =>
            new ConfigureOptions<KeyManagementOptions>(o => o.XmlRepository = new BlobKeyRing(sp.GetRequiredService<StorageClients>())));
        services.AddAntiforgery(o =>
        {
            o.FormFieldName = AntiforgeryField;
            o.Cookie.Name = "bc_af";
            o.Cookie.SameSite = Microsoft.AspNetCore.Http.SameSiteMode.Strict;
            // Not Always: antiforgery then refuses (500) any request that reached the app over plain
            // HTTP, as one may behind a front end that ends TLS. The token is HttpOnly and Strict anyway.
            o.Cookie.SecurePolicy = Microsoft.AspNetCore.Http.CookieSecurePolicy.SameAsRequest;
            o.SuppressXFrameOptionsHeader = true;
        });
        services.AddSingleton<SessionCookie>();
        return builder;
    }
}
