namespace BetterCare.Pipeline.Ports;

/// <summary>A blob waiting in the inbox.</summary>
public sealed record InboxBlob(string Name, string ETag, DateTimeOffset LastModified, long Length, string? SubmissionId);

/// <summary>The blob containers: the inbox uploads land in, the immutable archive, and reports.</summary>
public interface IReturnBlobs
{
    /// <summary>Stores an upload in the inbox, tagged with the submission it starts; returns its ETag.</summary>
    Task<string> PutInboxAsync(string name, ReadOnlyMemory<byte> content, string? submissionId, CancellationToken cancellationToken);

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
