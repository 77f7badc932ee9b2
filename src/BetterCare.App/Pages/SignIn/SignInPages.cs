using BetterCare.App.Auth;
using BetterCare.App.Pages.Shared;
using Microsoft.AspNetCore.Antiforgery;

namespace BetterCare.App.Pages.SignIn;

/// <summary>
/// <c>GET /sign-in</c> shows the form, <c>POST /sign-in</c> checks the key and opens a session,
/// <c>POST /sign-out</c> ends it. Every post needs its anti-forgery token. Behind App Service
/// Authentication the platform signs people in instead: these pages send them to its own.
/// </summary>
public static class SignInPages
{
    internal static IResult Show(HttpRequest request, CallerAuthenticator auth, SessionCookie session)
    {
        if (auth.SignsInAtPlatform)
        {
            return Results.Redirect("/.auth/login/aad?post_login_redirect_uri=" + Uri.EscapeDataString(SafeReturn(request.Query["returnUrl"])));
        }

        return Page.Of<SignInPage>(auth.AuthenticatePage(request, session), new { ReturnUrl = SafeReturn(request.Query["returnUrl"]) });
    }

    internal static async Task<IResult> SignInAsync(HttpContext context, CallerAuthenticator auth, SessionCookie session, IAntiforgery antiforgery)
    {
        if (!context.Request.HasFormContentType || !await antiforgery.IsRequestValidAsync(context).ConfigureAwait(false))
        {
            return Refused();
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        var key = form["key"].ToString().Trim();
        var returnUrl = SafeReturn(form["returnUrl"]);
        if (key.Length == 0 || key.Length > 512 || auth.FindKey(key) is null)
        {
            var message = key.Length == 0 ? "Enter your access key" : "That access key is not one this service knows: check it, or ask your Better Care manager";
            return Page.Of<SignInPage>(null, new { ReturnUrl = returnUrl, Errors = (IReadOnlyList<(string, string)>)[("key", message)] }, StatusCodes.Status400BadRequest);
        }

        session.Issue(context, SessionCookie.Fingerprint(key));
        return Results.Redirect(returnUrl);
    }

    internal static async Task<IResult> SignOutAsync(HttpContext context, SessionCookie session, IAntiforgery antiforgery)
    {
        if (!context.Request.HasFormContentType || !await antiforgery.IsRequestValidAsync(context).ConfigureAwait(false))
        {
            return Refused();
        }

        session.Clear(context);
        return Results.Redirect("/sign-in");
    }

    /// <summary>Where to go after signing in: a path on this site only (never another site, never a protocol-relative URL).</summary>
    public static string SafeReturn(string? returnUrl) =>
        returnUrl is { Length: > 0 and < 2048 } r && r[0] == '/' && (r.Length == 1 || (r[1] != '/' && r[1] != '\\')) && !r.Any(char.IsControl) ? r : "/";

    /// <summary>Who a page is for, or a redirect to sign in that comes back to this page.</summary>
    public static (Caller? Caller, IResult? SignIn) Require(HttpRequest request, CallerAuthenticator auth, SessionCookie session)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(auth);
        if (auth.AuthenticatePage(request, session) is { } caller)
        {
            return (caller, null);
        }

        var back = request.Path + request.QueryString;
        return (null, Results.Redirect("/sign-in?returnUrl=" + Uri.EscapeDataString(back)));
    }

    private static IResult Refused() => Page.Of<Refused>(null, null, StatusCodes.Status400BadRequest);
}
