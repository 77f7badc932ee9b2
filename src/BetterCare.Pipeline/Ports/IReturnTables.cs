using BetterCare.Pipeline.Periods;
using BetterCare.Pipeline.Submissions;

namespace BetterCare.Pipeline.Ports;

/// <summary>
/// The tables the workflow keeps: submissions with their history (one partition each) and the
/// period totals (one partition per period). Every save is one transaction, conditional on the
/// ETag read, so a redelivered step or a second worker never writes a row twice.
/// </summary>
public interface IReturnTables
{
    Task<Submission?> GetSubmissionAsync(string id, CancellationToken cancellationToken);

    Task<IReadOnlyList<HistoryEntry>> GetHistoryAsync(string id, CancellationToken cancellationToken);

    /// <summary>Stores a new submission and its first history lines. False when it already exists.</summary>
    Task<bool> CreateSubmissionAsync(Submission submission, CancellationToken cancellationToken);

    /// <summary>Saves the submission and its pending history if its ETag still matches; else <see cref="ConcurrencyException"/>.</summary>
    Task SaveSubmissionAsync(Submission submission, CancellationToken cancellationToken);

    Task<PeriodReturn?> GetPeriodReturnAsync(string period, string hwbCode, CancellationToken cancellationToken);

    /// <summary>
    /// Saves an HWB's period row with the partner lines to write and the partner keys whose lines
    /// to delete, in one transaction; conditional on the row's ETag (or on its absence when null).
    /// </summary>
    Task SavePeriodReturnAsync(PeriodReturn row, IReadOnlyList<ContributionLine> lines, IReadOnlyList<string> removedPartnerKeys, CancellationToken cancellationToken);

    /// <summary>Every HWB's row for a period, optionally only those of one region: one partition query.</summary>
    Task<IReadOnlyList<PeriodReturn>> ListPeriodAsync(string period, string? region, CancellationToken cancellationToken);

    /// <summary>
    /// Submissions that have failed and wait for an administrator, newest first, at most
    /// <paramref name="max"/>: a query across every submission's partition, for the
    /// administrator's page only (failures are few; the page is seldom opened).
    /// </summary>
    Task<IReadOnlyList<Submission>> ListFailedAsync(int max, CancellationToken cancellationToken);

    /// <summary>Every partner line for a period, optionally one partner's: one partition query.</summary>
    Task<IReadOnlyList<ContributionLine>> ListContributionsAsync(string period, string? partnerKey, CancellationToken cancellationToken);
}

/// <summary>The stored row changed since it was read: another worker got there first.</summary>
public sealed class ConcurrencyException : Exception
{
    public ConcurrencyException()
    {
    }

    public ConcurrencyException(string message)
        : base(message)
    {
    }

    public ConcurrencyException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
