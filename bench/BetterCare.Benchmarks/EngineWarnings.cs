using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace BetterCare.Benchmarks;

/// <summary>
/// Counts the engine's warnings and errors by event name (a message abandoned, a duplicate
/// dequeued, a lease lost), for the bare engine and the product apart, so that a slow iteration
/// says what the engine was doing. Nothing is written per event.
/// </summary>
internal sealed class EngineWarnings : ILoggerProvider
{
    private readonly ConcurrentDictionary<string, long> _counts = new(StringComparer.Ordinal);

    public static EngineWarnings Bare { get; } = new();

    public static EngineWarnings Product { get; } = new();

    public IReadOnlyDictionary<string, long> Counts => _counts;

    public ILogger CreateLogger(string categoryName) =>
        categoryName.StartsWith("DurableTask", StringComparison.Ordinal) ? new Counting(this) : Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

    public void Dispose()
    {
    }

    private sealed class Counting(EngineWarnings owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            var name = string.IsNullOrEmpty(eventId.Name) ? $"{logLevel} {eventId.Id}" : eventId.Name;
            owner._counts.AddOrUpdate(name, 1, (_, n) => n + 1);
        }
    }
}
