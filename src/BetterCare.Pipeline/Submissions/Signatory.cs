using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using BetterCare.Returns.Model;
using BetterCare.Returns.Reading;

namespace BetterCare.Pipeline.Submissions;

/// <summary>
/// Someone the Sign-off sheet names to sign the return off for an organisation. The key is
/// derived from the organisation, the role and the address, so the same sheet always gives the
/// same keys: safe in table keys and URLs.
/// </summary>
public sealed record Signatory(string Key, string Organisation, string SigningFor, string Name, string Position, string Email)
{
    private static readonly JsonSerializerOptions Json = new();

    /// <summary>Signing for the board itself rather than a partner that pays into the pool.</summary>
    public bool ForTheBoard => Labels.Normalize(SigningFor) == "health and wellbeing board";

    /// <summary>How the history and the logs name a signatory: never by address.</summary>
    public string Describe() => $"{Organisation} ({Name})";

    public static string KeyOf(string organisation, string signingFor, string email)
    {
        var text = Labels.Normalize(organisation) + "\n" + Labels.Normalize(signingFor) + "\n" + email.Trim().ToLowerInvariant();
        return "g" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 8));
    }

    /// <summary>The sheet's rows that name someone with an address, once each.</summary>
    public static IReadOnlyList<Signatory> From(IEnumerable<SignatoryRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var list = new List<Signatory>();
        foreach (var row in rows)
        {
            var email = row.Email.Text?.Trim();
            var organisation = row.Organisation.Text?.Trim();
            if (row.Email.IsMissing || string.IsNullOrEmpty(email) || !email.Contains('@', StringComparison.Ordinal) || string.IsNullOrEmpty(organisation))
            {
                continue;
            }

            var signingFor = row.SigningFor.Text?.Trim() ?? string.Empty;
            var key = KeyOf(organisation, signingFor, email);
            if (list.All(s => s.Key != key))
            {
                list.Add(new Signatory(key, organisation, signingFor, row.Name.Text?.Trim() ?? string.Empty, row.Position.Text?.Trim() ?? string.Empty, email));
            }
        }

        return list;
    }

    public static string ListToJson(IReadOnlyList<Signatory> signatories) => JsonSerializer.Serialize(signatories, Json);

    public static IReadOnlyList<Signatory> ListFromJson(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<List<Signatory>>(json, Json) ?? [];
}

/// <summary>History events of the sign-off that leave the status as it is. Stored by name.</summary>
public enum SignOffEvent
{
    /// <summary>A signatory signed the return off.</summary>
    Signed = 1,

    /// <summary>A signatory declined to sign, with a reason.</summary>
    Declined = 2,

    /// <summary>A signatory who has not signed was reminded.</summary>
    Chased = 3,

    /// <summary>The deadline passed unsigned: the regional manager was told.</summary>
    Escalated = 4,

    /// <summary>An email went out (a confirmation, a notice of changes requested).</summary>
    Emailed = 5,

    /// <summary>An email could not be sent; the workflow went on without it.</summary>
    EmailFailed = 6,

    /// <summary>The signatories were asked to sign off.</summary>
    Requested = 7,
}
