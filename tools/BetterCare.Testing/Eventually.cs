namespace BetterCare.Testing;

/// <summary>Waits for something the app does in the background; fails with the last state seen.</summary>
public static class Eventually
{
    public static async Task<T> Async<T>(Func<Task<T>> probe, Func<T, bool> done, string what, int seconds = 60)
    {
        ArgumentNullException.ThrowIfNull(probe);
        ArgumentNullException.ThrowIfNull(done);
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        var last = await probe().ConfigureAwait(false);
        while (!done(last))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Gave up waiting for {what}; last seen: {last}");
            }

            await Task.Delay(100).ConfigureAwait(false);
            last = await probe().ConfigureAwait(false);
        }

        return last;
    }
}
