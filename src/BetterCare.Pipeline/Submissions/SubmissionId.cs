using System.Security.Cryptography;
using System.Text;

namespace BetterCare.Pipeline.Submissions;

/// <summary>
/// A submission's id is derived from the inbox blob it came from (its name and ETag), so the
/// same blob seen twice, by a second poll, a second worker or a redelivered event, is the
/// same submission.
/// </summary>
public static class SubmissionId
{
    public static string For(string inboxBlobName, string blobETag)
    {
        ArgumentNullException.ThrowIfNull(inboxBlobName);
        ArgumentNullException.ThrowIfNull(blobETag);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(inboxBlobName + "\n" + blobETag.Trim('"')));
        return "s" + Convert.ToHexStringLower(hash.AsSpan(0, 12));
    }

    /// <summary>Ids are 25 lowercase letters and digits: safe in keys, paths and URLs.</summary>
    public static bool IsWellFormed(string? id) =>
        id is { Length: 25 } && id[0] == 's' && id.Skip(1).All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');
}
