namespace BetterCare.Pipeline.Workflow;

/// <summary>
/// Lets at most <see cref="PipelineOptions.MaxConcurrentReads"/> workbooks be in memory at once in
/// this process, whoever holds them (an upload's request, the Process step: from its bytes being
/// fetched to its report being made); a flood of uploads waits rather than taking the memory of
/// all of them together. A read that allocated a great deal (<see cref="Slot.Read{T}"/>) is
/// followed, when its slot is given back, by a full collection: a large workbook leaves its texts
/// as long-lived garbage, which a generational collector is in no hurry to give back, and the next
/// holder would pile its own on top.
/// </summary>
public sealed class ReadGate : IDisposable
{
    /// <summary>A read that allocated more than this is followed by a full collection.</summary>
    public const long CollectAfterBytes = 64L * 1024 * 1024;

    private readonly SemaphoreSlim _slots;

    public ReadGate(PipelineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Slots = Math.Max(1, options.MaxConcurrentReads);
        _slots = new SemaphoreSlim(Slots, Slots);
    }

    public int Slots { get; }

    /// <summary>Waits for a slot; disposing what it returns gives the slot back.</summary>
    public async Task<Slot> EnterAsync(CancellationToken ct)
    {
        await _slots.WaitAsync(ct).ConfigureAwait(false);
        return new Slot(this);
    }

    public void Dispose() => _slots.Dispose();

    private void Leave(bool large)
    {
        if (large)
        {
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        }

        _slots.Release();
    }

    /// <summary>A held slot.</summary>
    public sealed class Slot : IDisposable
    {
        private readonly ReadGate _gate;
        private bool _large;
        private bool _left;

        internal Slot(ReadGate gate) => _gate = gate;

        /// <summary>Runs a read (synchronous, on this thread), noting whether it allocated enough to collect after.</summary>
        public T Read<T>(Func<T> read)
        {
            ArgumentNullException.ThrowIfNull(read);
            var before = GC.GetAllocatedBytesForCurrentThread();
            try
            {
                return read();
            }
            finally
            {
                _large |= GC.GetAllocatedBytesForCurrentThread() - before > CollectAfterBytes;
            }
        }

        public void Dispose()
        {
            if (!_left)
            {
                _left = true;
                _gate.Leave(_large);
            }
        }
    }
}
