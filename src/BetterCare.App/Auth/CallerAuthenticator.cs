using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace BetterCare.App.Auth;

/// <summary>
/// Finds the caller: by the <c>X-Api-Key</c> header (keys compared in constant time), or, where
/// App Service Authentication fronts the app, by the <c>X-MS-CLIENT-PRINCIPAL</c> header it sets,
/// whose name is mapped to a role and scope the same way (<c>BetterCare:Principals</c>).
/// </summary>
public sealed class CallerAuthenticator
{
    public const string Header = "X-Api-Key";
    public const string PrincipalHeader = "X-MS-CLIENT-PRINCIPAL";

    private readonly List<(byte[] Key, Caller Caller)> _keys;
    private readonly Dictionary<string, Caller> _byFingerprint;
    private readonly Dictionary<string, Caller> _principals;
    private readonly bool _trustPrincipal;

    public CallerAuthenticator(IOptions<BetterCareSettings> settings, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var s = settings.Value;
        _keys = s.ApiKeys
            .Where(k => !string.IsNullOrWhiteSpace(k.Key))
            .Select(k => (Encoding.UTF8.GetBytes(k.Key), new Caller(string.IsNullOrWhiteSpace(k.Name) ? k.Role.ToString() : k.Name, k.Role, k.Scope)))
            .ToList();
        _byFingerprint = s.ApiKeys
            .Where(k => !string.IsNullOrWhiteSpace(k.Key))
            .GroupBy(k => SessionCookie.Fingerprint(k.Key), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => new Caller(string.IsNullOrWhiteSpace(g.First().Name) ? g.First().Role.ToString() : g.First().Name, g.First().Role, g.First().Scope), StringComparer.Ordinal);
        _principals = s.Principals
            .Where(p => !string.IsNullOrWhiteSpace(p.Name))
            .ToDictionary(p => p.Name.Trim(), p => new Caller(p.Name.Trim(), p.Role, p.Scope), StringComparer.OrdinalIgnoreCase);

        // The header is only to be believed behind App Service Authentication, which strips any a client sends.
        _trustPrincipal = s.TrustClientPrincipal ?? Extensions.ServiceRegistration.IsBehindAppServiceAuthentication(configuration);
    }

    public Caller? Authenticate(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var presented = request.Headers[Header].ToString();
        if (!string.IsNullOrEmpty(presented))
        {
            return FindKey(presented);
        }

        return Principal(request);
    }

    /// <summary>
    /// Who a page is for: behind App Service Authentication the principal it signed in; otherwise
    /// the person whose key opened the browser's session. Pages never take an API key header.
    /// </summary>
    public Caller? AuthenticatePage(HttpRequest request, SessionCookie session)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(session);
        return Principal(request) ?? (session.Read(request) is { } fingerprint ? _byFingerprint.GetValueOrDefault(fingerprint) : null);
    }

    /// <summary>The holder of an API key (compared in constant time with every configured key), or null.</summary>
    public Caller? FindKey(string presented)
    {
        ArgumentNullException.ThrowIfNull(presented);
        var bytes = Encoding.UTF8.GetBytes(presented);
        Caller? found = null;
        foreach (var (key, caller) in _keys)
        {
            if (CryptographicOperations.FixedTimeEquals(key, bytes))
            {
                found = caller;
            }
        }

        return found;
    }

    /// <summary>Whether sign-in happens at App Service Authentication rather than on the sign-in page.</summary>
    public bool SignsInAtPlatform => _trustPrincipal;

    private Caller? Principal(HttpRequest request) =>
        _trustPrincipal && PrincipalName(request.Headers[PrincipalHeader].ToString()) is { } name
            ? _principals.GetValueOrDefault(name)
            : null;

    /// <summary>The principal's name: the claim whose type is the principal's <c>name_typ</c>.</summary>
    public static string? PrincipalName(string header)
    {
        if (string.IsNullOrWhiteSpace(header) || header.Length > 16 * 1024)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(Convert.FromBase64String(header));
            var root = document.RootElement;
            var nameType = root.TryGetProperty("name_typ", out var t) ? t.GetString() : null;
            if (!root.TryGetProperty("claims", out var claims) || claims.ValueKind != JsonValueKind.Array)
            {
                return null;
            }

            foreach (var claim in claims.EnumerateArray())
            {
                if (claim.TryGetProperty("typ", out var typ) && typ.GetString() == nameType && claim.TryGetProperty("val", out var val))
                {
                    return val.GetString();
                }
            }

            return null;
        }
        catch (Exception e) when (e is FormatException or JsonException or InvalidOperationException)
        {
            return null;
        }
    }
}
