namespace BetterCare.Pipeline.Workflow;

/// <summary>
/// Lets at most <see cref="PipelineOptions.MaxConcurrentReads"/> workbooks be read at once in this
/// process, whoever reads them (an upload's request, the Process step): a flood of uploads waits
/// rather than taking the memory of all of them together.
/// </summary>
public sealed class ReadGate : IDisposable
{
    private readonly SemaphoreSlim _slots;

    public ReadGate(PipelineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Slots = Math.Max(1, options.MaxConcurrentReads);
        _slots = new SemaphoreSlim(Slots, Slots);
    }

    public int Slots { get; }

    /// <summary>Runs <paramref name="read"/> once a slot is free.</summary>
    public async Task<T> ReadAsync<T>(Func<T> read, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(read);
        await _slots.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            return read();
        }
        finally
        {
            _slots.Release();
        }
    }

    public void Dispose() => _slots.Dispose();
}
