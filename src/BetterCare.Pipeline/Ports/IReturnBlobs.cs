namespace BetterCare.Pipeline.Ports;

/// <summary>Who uploaded a blob through the API, and the file's own name: kept with the blob, so whoever starts its workflow first records the same.</summary>
public sealed record InboxUpload(string Uploader, string FileName);

/// <summary>A blob waiting in the inbox; <see cref="Upload"/> when it came through the API.</summary>
public sealed record InboxBlob(string Name, string ETag, DateTimeOffset LastModified, long Length, InboxUpload? Upload)
{
    /// <summary>
    /// Whether <paramref name="name"/> is a plain file name directly in the inbox, the only kind
    /// the workflow reads: no folder (<c>/</c>, <c>\</c>), no <c>..</c>, no control characters, at
    /// most 200 characters.
    /// </summary>
    public static bool IsPlainName(string? name) =>
        !string.IsNullOrWhiteSpace(name) && name.Length <= 200 && name.Trim() == name &&
        !name.Contains('/', StringComparison.Ordinal) && !name.Contains('\\', StringComparison.Ordinal) &&
        !name.Contains("..", StringComparison.Ordinal) && !name.Any(char.IsControl) && name[0] != '.';

    /// <summary>A name as it may go into a log line: control characters (newlines among them) shown as <c>?</c>, at most 200 characters.</summary>
    public static string ForLog(string? name)
    {
        if (name is null)
        {
            return "(none)";
        }

        var cut = name.Length > 200 ? name[..200] + "…" : name;
        return string.Create(cut.Length, cut, static (span, text) =>
        {
            for (var i = 0; i < text.Length; i++)
            {
                span[i] = char.IsControl(text[i]) || text[i] is '\u2028' or '\u2029' ? '?' : text[i];
            }
        });
    }
}

/// <summary>The blob containers: the inbox uploads land in, the immutable archive, and reports.</summary>
public interface IReturnBlobs
{
    /// <summary>Stores an upload in the inbox, with who uploaded it when it came through the API; returns its ETag.</summary>
    Task<string> PutInboxAsync(string name, ReadOnlyMemory<byte> content, InboxUpload? upload, CancellationToken cancellationToken);

    Task<IReadOnlyList<InboxBlob>> ListInboxAsync(CancellationToken cancellationToken);

    /// <summary>The blob's bytes, up to <paramref name="maxBytes"/> (null when it is gone); longer blobs come back cut at the limit plus one byte.</summary>
    Task<byte[]?> ReadInboxAsync(string name, long maxBytes, CancellationToken cancellationToken);

    Task DeleteInboxAsync(string name, CancellationToken cancellationToken);

    /// <summary>Writes an archive copy once: a second write of the same path is ignored (the path holds the submission id).</summary>
    Task PutArchiveAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken);

    Task<byte[]?> ReadArchiveAsync(string path, CancellationToken cancellationToken);

    Task PutReportAsync(string path, string json, CancellationToken cancellationToken);

    Task<string?> ReadReportAsync(string path, CancellationToken cancellationToken);
}
