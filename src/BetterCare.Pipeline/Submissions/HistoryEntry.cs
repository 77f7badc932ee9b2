namespace BetterCare.Pipeline.Submissions;

/// <summary>One append-only line of a submission's history.</summary>
public sealed record HistoryEntry(int Sequence, DateTimeOffset At, string Event, string Detail);
