using System.Collections.Concurrent;
using System.Net;
using Azure.Core;
using Azure.Core.Pipeline;
using BetterCare.Pipeline.Workflow;

namespace BetterCare.Infrastructure;

/// <summary>
/// Counts every request the storage clients send (retries included), for the benchmark and tests:
/// in all, and by operation, i.e. HTTP method and the shape of the path ("PUT returns-inbox/{blob}",
/// "POST $batch", "DELETE pipeline-steps/messages/{id}", "GET Submissions(…)").
/// </summary>
public sealed class StorageRequestCounter : HttpPipelineSynchronousPolicy
{
    private readonly ConcurrentDictionary<string, long> _byOperation = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _byPart = new(StringComparer.Ordinal);
    private long _count;

    public long Count => Interlocked.Read(ref _count);

    /// <summary>A snapshot of the counts by operation.</summary>
    public IReadOnlyDictionary<string, long> ByOperation => new Dictionary<string, long>(_byOperation, StringComparer.Ordinal);

    /// <summary>
    /// A snapshot of the counts by the part of the pipeline that sent them (<see cref="PipelineTracing.CurrentPart"/>:
    /// Upload, Inbox, Process, Aggregate, Notify...), or <see cref="Polling"/> for the loops' own
    /// requests; only while something listens to <see cref="PipelineTracing.SourceName"/>.
    /// </summary>
    public IReadOnlyDictionary<string, long> ByPart => new Dictionary<string, long>(_byPart, StringComparer.Ordinal);

    /// <summary>The part named for requests sent outside any traced part: listing the inbox, receiving messages, timers.</summary>
    public const string Polling = "Polling";

    public override void OnSendingRequest(HttpMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        Interlocked.Increment(ref _count);
        _byOperation.AddOrUpdate(Operation(message.Request.Method.ToString(), message.Request.Uri.ToUri()), 1, (_, n) => n + 1);
        _byPart.AddOrUpdate(PipelineTracing.CurrentPart() ?? Polling, 1, (_, n) => n + 1);
    }

    public void Reset()
    {
        Interlocked.Exchange(ref _count, 0);
        _byOperation.Clear();
        _byPart.Clear();
    }

    /// <summary>
    /// The method and the path with names and ids left out: the container, table or queue is kept,
    /// a blob name, message id or entity key is not; a <c>comp</c> or <c>restype</c> query is kept.
    /// </summary>
    public static string Operation(string method, Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        var segments = Uri.UnescapeDataString(uri.AbsolutePath).Split('/', StringSplitOptions.RemoveEmptyEntries);

        // An emulator (an IP address or localhost) puts the account first in the path; Azure puts it in the host name.
        var pathStyle = IPAddress.TryParse(uri.Host, out _) || uri.IsLoopback;
        var parts = segments.Skip(pathStyle ? 1 : 0).ToArray();
        var shape = parts.Length switch
        {
            0 => "/",
            1 => Entity(parts[0]),
            _ when parts[1] == "messages" => parts.Length > 2 ? $"{parts[0]}/messages/{{id}}" : $"{parts[0]}/messages",
            _ => $"{parts[0]}/{{blob}}",
        };

        var query = uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(q => q.StartsWith("comp=", StringComparison.Ordinal) || q.StartsWith("restype=", StringComparison.Ordinal));
        var suffix = string.Join('&', query);
        return suffix.Length == 0 ? $"{method} {shape}" : $"{method} {shape}?{suffix}";
    }

    /// <summary>"Submissions(PartitionKey='…',RowKey='…')" becomes "Submissions(…)"; "Submissions()" (a query) stays.</summary>
    private static string Entity(string segment)
    {
        var open = segment.IndexOf('(', StringComparison.Ordinal);
        return open < 0 || segment.EndsWith("()", StringComparison.Ordinal) ? segment : segment[..open] + "(…)";
    }
}
