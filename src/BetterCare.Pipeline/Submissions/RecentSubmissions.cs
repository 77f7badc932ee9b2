using System.Collections.Concurrent;

namespace BetterCare.Pipeline.Submissions;

/// <summary>
/// The state rows this process saved last, each with the ETag its save returned. A submission's
/// next step is handed that ETag by its orchestration; when this process saved that very version,
/// the step starts from it instead of reading the row again: it is the row as the previous step
/// left it, what a read at that moment would have given. A step on another process, or a row
/// saved again since (by anyone), misses and is read; every save is conditional on the ETag, so
/// a row changed meanwhile is read again before anything is written. Bounded: the last
/// <see cref="Capacity"/> rows, none with more than <see cref="MaxFindingsChars"/> characters of findings.
/// </summary>
public sealed class RecentSubmissions
{
    public const int Capacity = 256;

    public const int MaxFindingsChars = 64 * 1024;

    private readonly ConcurrentDictionary<string, StoredSubmission> _rows = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _order = new();

    /// <summary>The submission as this process saved it, if its ETag is <paramref name="etag"/>; a fresh copy each time.</summary>
    public Submission? Find(string id, string? etag) =>
        etag is not null && _rows.TryGetValue(id, out var row) && row.ETag == etag ? Submission.Restore(row) : null;

    /// <summary>Keeps the submission as just saved (its ETag set, nothing pending).</summary>
    public void Remember(Submission submission)
    {
        ArgumentNullException.ThrowIfNull(submission);
        if (submission.ETag is null || submission.PendingHistory.Count > 0 || submission.FindingsJson?.Length > MaxFindingsChars)
        {
            _rows.TryRemove(submission.Id, out _);
            return;
        }

        if (_rows.TryAdd(submission.Id, submission.ToStored()))
        {
            _order.Enqueue(submission.Id);
        }
        else
        {
            _rows[submission.Id] = submission.ToStored();
        }

        // The oldest go first (an id kept twice may go early: then its next step reads the row).
        while ((_rows.Count > Capacity || _order.Count > 2 * Capacity) && _order.TryDequeue(out var oldest))
        {
            _rows.TryRemove(oldest, out _);
        }
    }
}
