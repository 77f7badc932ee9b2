using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace BetterCare.Functions.Auth;

/// <summary>Finds the caller behind an <c>X-Api-Key</c> header. Keys are compared in constant time.</summary>
public sealed class ApiKeyAuthenticator
{
    public const string Header = "X-Api-Key";

    private readonly List<(byte[] Key, Caller Caller)> _keys;

    public ApiKeyAuthenticator(IOptions<BetterCareSettings> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _keys = settings.Value.ApiKeys
            .Where(k => !string.IsNullOrWhiteSpace(k.Key))
            .Select(k => (Encoding.UTF8.GetBytes(k.Key), new Caller(string.IsNullOrWhiteSpace(k.Name) ? k.Role.ToString() : k.Name, k.Role, k.Scope)))
            .ToList();
    }

    public Caller? Authenticate(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var presented = request.Headers[Header].ToString();
        if (string.IsNullOrEmpty(presented))
        {
            return null;
        }

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
}
