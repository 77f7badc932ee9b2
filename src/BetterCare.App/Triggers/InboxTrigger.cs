using System.Collections.Concurrent;
using BetterCare.Pipeline.Ports;
using BetterCare.Pipeline.Workflow;

namespace BetterCare.App.Triggers;

/// <summary>
/// A blob in returns-inbox starts exactly one workflow. Called by the standalone poll and, in
/// Azure, by the blob trigger; both may see a blob more than once, which is harmless.
/// </summary>
public sealed partial class InboxTrigger
{
    private readonly SubmissionWorkflow _workflow;
    private readonly IReturnBlobs _blobs;
    private readonly TimeProvider _clock;
    private readonly PipelineOptions _options;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _recent = new(StringComparer.Ordinal);

    private readonly ILogger<InboxTrigger> _log;

    public InboxTrigger(SubmissionWorkflow workflow, IReturnBlobs blobs, TimeProvider clock, PipelineOptions options, ILogger<InboxTrigger> log)
    {
        _log = log;
        _workflow = workflow;
        _blobs = blobs;
        _clock = clock;
        _options = options;
    }

    /// <summary>
    /// Notes an upload this process is about to put in the inbox and start itself, so the poll,
    /// which may list it before the request has started its workflow, leaves it to the request (for
    /// a while: an upload whose request stopped in between is started by a later poll).
    /// </summary>
    public void Starting(string blobName) => _recent[blobName] = _clock.GetUtcNow();

    public async Task HandleAsync(InboxBlob blob, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(blob);
        if (!InboxBlob.IsPlainName(blob.Name))
        {
            // Only plain names directly in returns-inbox are ever read: nothing else can be made to start a workflow.
            LogIgnored(InboxBlob.ForLog(blob.Name));
            return;
        }

        var key = Key(blob.Name, blob.ETag);
        var now = _clock.GetUtcNow();
        if ((_recent.TryGetValue(key, out var seen) || _recent.TryGetValue(blob.Name, out seen)) && now - seen < _options.RestartStalledAfter)
        {
            return;
        }

        using (PipelineTracing.StartInbox())
        {
            await _workflow.EnsureStartedAsync(blob, ct).ConfigureAwait(false);
        }

        _recent[key] = _clock.GetUtcNow();
    }

    /// <summary>
    /// An upload's ETag comes quoted (from the response header) and a listing's may not be; the key
    /// drops the quotes, as <see cref="Pipeline.Submissions.SubmissionId"/> does, so a blob this
    /// process started is recognised by the next poll instead of being looked up again.
    /// </summary>
    private static string Key(string blobName, string etag) => blobName + "\n" + etag.Trim('"');

    /// <summary>Looks at every blob in the inbox (the standalone poll, and the sweep timer in Azure).</summary>
    public async Task<int> SweepAsync(CancellationToken ct)
    {
        var blobs = await _blobs.ListInboxAsync(ct).ConfigureAwait(false);
        foreach (var blob in blobs)
        {
            await HandleAsync(blob, ct).ConfigureAwait(false);
        }

        var cutoff = _clock.GetUtcNow() - (2 * _options.RestartStalledAfter);
        foreach (var (key, at) in _recent)
        {
            if (at < cutoff)
            {
                _recent.TryRemove(key, out _);
            }
        }

        return blobs.Count;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Inbox blob {Name} is not a plain file name directly in returns-inbox; it is ignored")]
    private partial void LogIgnored(string name);
}
