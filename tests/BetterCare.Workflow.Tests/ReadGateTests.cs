using BetterCare.Pipeline.Workflow;

namespace BetterCare.Workflow.Tests;

/// <summary>At most so many workbooks are read at once; the next waits for a slot and then runs.</summary>
public class ReadGateTests
{
    [Fact]
    public async Task AThirdReadWaitsUntilOneOfTwoFinishes()
    {
        using var gate = new ReadGate(new PipelineOptions { MaxConcurrentReads = 2 });
        using var release = new ManualResetEventSlim(false);
        var running = 0;
        var most = 0;
        var started = new CountdownEvent(2);

        int Read()
        {
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref most, now);
            started.Signal();
            release.Wait(TimeSpan.FromSeconds(30));
            Interlocked.Decrement(ref running);
            return now;
        }

        var first = Task.Run(() => HoldAsync(gate, Read, CancellationToken.None));
        var second = Task.Run(() => HoldAsync(gate, Read, CancellationToken.None));
        Assert.True(started.Wait(TimeSpan.FromSeconds(30)), "the first two reads started");
        started.Reset(1);
        var third = Task.Run(() => HoldAsync(gate, Read, CancellationToken.None));

        // The third cannot start while both slots are held.
        Assert.False(started.Wait(TimeSpan.FromMilliseconds(300)), "a third read ran while two held the slots");
        release.Set();
        Assert.True(started.Wait(TimeSpan.FromSeconds(30)), "the third read ran once a slot was free");
        await Task.WhenAll(first, second, third);
        Assert.Equal(2, most);
    }

    [Fact]
    public async Task AWaitingReadCanBeCancelledAndNeverRuns()
    {
        using var gate = new ReadGate(new PipelineOptions { MaxConcurrentReads = 1 });
        using var release = new ManualResetEventSlim(false);
        using var entered = new ManualResetEventSlim(false);
        var holder = Task.Run(() => HoldAsync(
            gate,
            () =>
            {
                entered.Set();
                return release.Wait(TimeSpan.FromSeconds(30));
            },
            CancellationToken.None));
        Assert.True(entered.Wait(TimeSpan.FromSeconds(30)), "the first read holds the slot");
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        var ran = false;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => HoldAsync(gate, () => ran = true, cancel.Token));
        release.Set();
        await holder;
        Assert.False(ran);
    }

    /// <summary>Runs <paramref name="read"/> in a slot, as the upload and the Process step hold one.</summary>
    private static async Task<T> HoldAsync<T>(ReadGate gate, Func<T> read, CancellationToken ct)
    {
        using var slot = await gate.EnterAsync(ct);
        return slot.Read(read);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        for (var seen = Volatile.Read(ref target); value > seen; seen = Volatile.Read(ref target))
        {
            if (Interlocked.CompareExchange(ref target, value, seen) == seen)
            {
                return;
            }
        }
    }
}
