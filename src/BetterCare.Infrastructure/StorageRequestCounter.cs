using Azure.Core;
using Azure.Core.Pipeline;

namespace BetterCare.Infrastructure;

/// <summary>Counts every request the storage clients send (retries included), for the benchmark and tests.</summary>
public sealed class StorageRequestCounter : HttpPipelineSynchronousPolicy
{
    private long _count;

    public long Count => Interlocked.Read(ref _count);

    public override void OnSendingRequest(HttpMessage message) => Interlocked.Increment(ref _count);

    public void Reset() => Interlocked.Exchange(ref _count, 0);
}
