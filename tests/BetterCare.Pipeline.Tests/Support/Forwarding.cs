using BetterCare.Pipeline.Periods;
using BetterCare.Pipeline.Ports;
using BetterCare.Pipeline.Submissions;

namespace BetterCare.Pipeline.Tests;

/// <summary>The blob store passing every call to the real one; a test's fault overrides the call it breaks.</summary>
public class ForwardingBlobs(IReturnBlobs inner) : IReturnBlobs
{
    public virtual Task PutArchiveAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken) => inner.PutArchiveAsync(path, content, cancellationToken);

    public virtual Task<string> PutInboxAsync(string name, ReadOnlyMemory<byte> content, InboxUpload? upload, CancellationToken cancellationToken) =>
        inner.PutInboxAsync(name, content, upload, cancellationToken);

    public virtual Task<IReadOnlyList<InboxBlob>> ListInboxAsync(CancellationToken cancellationToken) => inner.ListInboxAsync(cancellationToken);

    public virtual Task<byte[]?> ReadInboxAsync(string name, long maxBytes, CancellationToken cancellationToken) => inner.ReadInboxAsync(name, maxBytes, cancellationToken);

    public virtual Task DeleteInboxAsync(string name, CancellationToken cancellationToken) => inner.DeleteInboxAsync(name, cancellationToken);

    public virtual Task<byte[]?> ReadArchiveAsync(string path, CancellationToken cancellationToken) => inner.ReadArchiveAsync(path, cancellationToken);

    public virtual Task PutReportAsync(string path, string json, CancellationToken cancellationToken) => inner.PutReportAsync(path, json, cancellationToken);

    public virtual Task<string?> ReadReportAsync(string path, CancellationToken cancellationToken) => inner.ReadReportAsync(path, cancellationToken);
}

/// <summary>The tables passing every call to the real ones; a test's fault overrides the call it breaks.</summary>
public class ForwardingTables(IReturnTables inner) : IReturnTables
{
    public virtual Task<Submission?> GetSubmissionAsync(string id, CancellationToken cancellationToken) => inner.GetSubmissionAsync(id, cancellationToken);

    public virtual Task<IReadOnlyList<HistoryEntry>> GetHistoryAsync(string id, CancellationToken cancellationToken) => inner.GetHistoryAsync(id, cancellationToken);

    public virtual Task<bool> CreateSubmissionAsync(Submission submission, CancellationToken cancellationToken) => inner.CreateSubmissionAsync(submission, cancellationToken);

    public virtual Task SaveSubmissionAsync(Submission submission, CancellationToken cancellationToken) => inner.SaveSubmissionAsync(submission, cancellationToken);

    public virtual Task<PeriodReturn?> GetPeriodReturnAsync(string period, string hwbCode, CancellationToken cancellationToken) =>
        inner.GetPeriodReturnAsync(period, hwbCode, cancellationToken);

    public virtual Task SavePeriodReturnAsync(PeriodReturn row, IReadOnlyList<ContributionLine> lines, IReadOnlyList<string> removedPartnerKeys, CancellationToken cancellationToken) =>
        inner.SavePeriodReturnAsync(row, lines, removedPartnerKeys, cancellationToken);

    public virtual Task<IReadOnlyList<PeriodReturn>> ListPeriodAsync(string period, string? region, CancellationToken cancellationToken) =>
        inner.ListPeriodAsync(period, region, cancellationToken);

    public virtual Task<IReadOnlyList<Submission>> ListFailedAsync(int max, CancellationToken cancellationToken) => inner.ListFailedAsync(max, cancellationToken);

    public virtual Task<IReadOnlyList<ContributionLine>> ListContributionsAsync(string period, string? partnerKey, CancellationToken cancellationToken) =>
        inner.ListContributionsAsync(period, partnerKey, cancellationToken);
}
