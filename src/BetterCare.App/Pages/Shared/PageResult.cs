using System.Security.Cryptography;
using BetterCare.App.Auth;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace BetterCare.App.Pages.Shared;

/// <summary>
/// A page: a Razor component rendered to HTML on the server (every value encoded by the renderer),
/// sent with the headers every page carries. The component gets a <see cref="PageContext"/> as
/// its <c>Context</c> parameter, with a fresh anti-forgery token and script nonce.
/// </summary>
public sealed class PageResult<TPage>(Caller? caller, IReadOnlyDictionary<string, object?> parameters, int status = StatusCodes.Status200OK) : IResult
    where TPage : IComponent
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var services = httpContext.RequestServices;
        var tokens = services.GetRequiredService<IAntiforgery>().GetAndStoreTokens(httpContext);
        var nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        var all = new Dictionary<string, object?>(parameters, StringComparer.Ordinal)
        {
            ["Context"] = new PageContext(caller, tokens.FormFieldName, tokens.RequestToken ?? string.Empty, nonce),
        };

        await using var renderer = new HtmlRenderer(services, services.GetRequiredService<ILoggerFactory>());
        var html = await renderer.Dispatcher.InvokeAsync(async () =>
            (await renderer.RenderComponentAsync<TPage>(ParameterView.FromDictionary(all)).ConfigureAwait(false)).ToHtmlString()).ConfigureAwait(false);

        PageHeaders.Apply(httpContext.Response, nonce, services.GetRequiredService<Microsoft.Extensions.Options.IOptions<BetterCareSettings>>().Value.FontOrigin);
        httpContext.Response.StatusCode = status;
        httpContext.Response.ContentType = "text/html; charset=utf-8";
        await httpContext.Response.WriteAsync("<!DOCTYPE html>\n" + html, httpContext.RequestAborted).ConfigureAwait(false);
    }
}

/// <summary>Pages, by the component that draws them.</summary>
public static class Page
{
    public static IResult Of<TPage>(Caller? caller, object? parameters = null, int status = StatusCodes.Status200OK)
        where TPage : IComponent =>
        new PageResult<TPage>(caller, ToDictionary(parameters), status);

    private static Dictionary<string, object?> ToDictionary(object? parameters) =>
        parameters is null
            ? []
            : parameters.GetType().GetProperties().ToDictionary(p => p.Name, p => p.GetValue(parameters), StringComparer.Ordinal);
}

/// <summary>
/// The headers every page sends: a Content-Security-Policy allowing only this site's own files
/// (and the NHS's font host, for Frutiger) and one nonce'd inline script; never framed; no
/// sniffing; no referrer (sign-off links carry tokens); never stored by a cache, since pages show
/// people's names and returns.
/// </summary>
public static class PageHeaders
{
    public static void Apply(HttpResponse response, string nonce, string? fontOrigin)
    {
        ArgumentNullException.ThrowIfNull(response);
        var fonts = Uri.TryCreate(fontOrigin, UriKind.Absolute, out var origin) && origin.Scheme == Uri.UriSchemeHttps ? $" {origin.GetLeftPart(UriPartial.Authority)}" : string.Empty;
        response.Headers.ContentSecurityPolicy =
            $"default-src 'self'; script-src 'self' 'nonce-{nonce}'; style-src 'self'; img-src 'self' data:; font-src 'self'{fonts}; " +
            "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.XFrameOptions = "DENY";
        response.Headers["Referrer-Policy"] = "no-referrer";
        response.Headers.CacheControl = "no-store";
    }
}
