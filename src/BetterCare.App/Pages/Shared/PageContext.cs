using BetterCare.App.Auth;

namespace BetterCare.App.Pages.Shared;

/// <summary>
/// What every page's frame needs: who is signed in (if anyone), the anti-forgery field for its
/// forms, and the nonce that lets the page's one inline script run under its Content-Security-Policy.
/// </summary>
public sealed record PageContext(Caller? Caller, string AntiforgeryField, string AntiforgeryToken, string Nonce);

/// <summary>One step of a page's breadcrumbs.</summary>
public sealed record Crumb(string Text, string Href);
