using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace BetterCare.Pipeline.SignOff;

/// <summary>What a sign-off link's token says: whose signature, on which submission, until when, with which nonce.</summary>
public sealed record SignOffClaims(string SubmissionId, string SignatoryKey, DateTimeOffset ExpiresAt, string Nonce);

public enum TokenCheck
{
    Valid = 1,

    /// <summary>Not one of ours: malformed, or its signature does not match.</summary>
    Forged = 2,
    Expired = 3,
}

/// <summary>
/// Sign-off link tokens: <c>base64url(payload).base64url(HMAC-SHA256(key, payload))</c>, the payload
/// being <c>1.{submission}.{signatory}.{expiry unix seconds}.{nonce}</c>. The token proves who it was
/// issued to; that it works once is the signature row's business (its nonce and used flag).
/// </summary>
public sealed class SignOffTokens
{
    private const string Version = "1";
    private readonly byte[] _key;

    public SignOffTokens(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length < 32)
        {
            throw new ArgumentException("A sign-off token key needs at least 32 bytes.", nameof(key));
        }

        _key = key;
    }

    /// <summary>A key from configuration text (at least 32 characters); null or blank gives a random key for this process only.</summary>
    public static SignOffTokens FromSetting(string? key) =>
        new(string.IsNullOrWhiteSpace(key) ? RandomNumberGenerator.GetBytes(32) : Encoding.UTF8.GetBytes(key.Trim()));

    public static string NewNonce() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    public string Issue(SignOffClaims claims)
    {
        ArgumentNullException.ThrowIfNull(claims);
        var payload = string.Join('.', Version, claims.SubmissionId, claims.SignatoryKey, claims.ExpiresAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), claims.Nonce);
        var bytes = Encoding.ASCII.GetBytes(payload);
        return Base64Url.EncodeToString(bytes) + "." + Base64Url.EncodeToString(HMACSHA256.HashData(_key, bytes));
    }

    public TokenCheck Read(string? token, DateTimeOffset now, out SignOffClaims? claims)
    {
        claims = null;
        if (string.IsNullOrEmpty(token) || token.Length > 512 || token.Split('.') is not [var payloadPart, var macPart])
        {
            return TokenCheck.Forged;
        }

        byte[] payload;
        byte[] mac;
        try
        {
            payload = Base64Url.DecodeFromChars(payloadPart);
            mac = Base64Url.DecodeFromChars(macPart);
        }
        catch (FormatException)
        {
            return TokenCheck.Forged;
        }

        if (!CryptographicOperations.FixedTimeEquals(mac, HMACSHA256.HashData(_key, payload)))
        {
            return TokenCheck.Forged;
        }

        if (Encoding.ASCII.GetString(payload).Split('.') is not [Version, var submission, var signatory, var expiry, var nonce] ||
            !long.TryParse(expiry, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return TokenCheck.Forged;
        }

        claims = new SignOffClaims(submission, signatory, DateTimeOffset.FromUnixTimeSeconds(seconds), nonce);
        return now >= claims.ExpiresAt ? TokenCheck.Expired : TokenCheck.Valid;
    }
}
