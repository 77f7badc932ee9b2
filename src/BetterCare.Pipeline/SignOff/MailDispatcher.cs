using BetterCare.Pipeline.Ports;
using Microsoft.Extensions.Logging;

namespace BetterCare.Pipeline.SignOff;

/// <summary>How sending a notice once ended; <see cref="SentNow"/> when this call sent it.</summary>
public sealed record MailOutcome(MailLedgerEntry Entry, bool Sent, string? Detail)
{
    /// <summary>Sent by this call, not found already sent by an earlier one.</summary>
    public bool SentNow { get; init; }
}

/// <summary>
/// A notice to send once: its key in the ledger, and how to write it given its message id.
/// <see cref="NeverSent"/> when the caller knows no earlier run can have sent it (the signature
/// row its link is for was added by this very call), so there is no claim to look up first.
/// </summary>
public sealed record Notice(string Key, Func<string, MailMessage> Compose, bool NeverSent = false);

/// <summary>
/// Sends each notice once: a ledger row (scope, key) is claimed before sending and finished as
/// soon as the provider answers, so a redelivered step, a repeated timer or a second worker finds
/// it done, and one that stopped in between is sent again. A notice known never to have been sent
/// skips the claim; one whose record the caller keeps itself (<see cref="SendRecordedByCallerAsync"/>)
/// has no ledger row at all.
/// Logs name the submission and the notice, never an address.
/// </summary>
public sealed partial class MailDispatcher
{
    private readonly ISignOffStore _store;
    private readonly IMailer _mailer;
    private readonly TimeProvider _clock;
    private readonly SignOffOptions _options;
    private readonly ILogger<MailDispatcher> _log;

    public MailDispatcher(ISignOffStore store, IMailer mailer, TimeProvider clock, SignOffOptions options, ILogger<MailDispatcher> log)
    {
        _store = store;
        _mailer = mailer;
        _clock = clock;
        _options = options;
        _log = log;
    }

    /// <summary>The message id of a notice: the same notice always has the same id.</summary>
    public static string MessageId(string scope, string key) =>
        new string([.. (scope + "." + key).Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' ? char.ToLowerInvariant(c) : '-')]);

    public async Task<MailOutcome> SendOnceAsync(string scope, string key, Func<string, MailMessage> compose, CancellationToken ct) =>
        (await SendOnceAsync(scope, [new Notice(key, compose)], ct).ConfigureAwait(false))[0];

    /// <summary>
    /// Sends a notice whose sending the caller records in a save of its own, made as soon as this
    /// returns (the Notify step's decision: the step's save says it went, with its history line).
    /// There is no ledger row: a caller that stopped before its save sends it again, so a
    /// duplicate is possible only between the provider's acceptance and that save.
    /// </summary>
    public async Task<MailOutcome> SendRecordedByCallerAsync(string scope, Notice notice, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var message = notice.Compose(MessageId(scope, notice.Key));
        var result = await SendAsync(message, ct).ConfigureAwait(false);
        LogMail(message.Id, message.SubmissionId, result.Status);
        return SentNow(new MailLedgerEntry(scope, notice.Key, StateOf(result), result.Detail, null), result);
    }

    /// <summary>
    /// Sends several notices of one scope, each once: they are claimed together (a table
    /// transaction when the ledger allows; none for notices never sent), then each is sent and its
    /// result recorded before the next. A notice claimed by a run that stopped is sent again. The
    /// outcomes come back in the order given. With <paramref name="lastRecordedByCaller"/>, the last
    /// notice's result is not written to the ledger: the caller's save made as soon as this returns
    /// records it (and the caller sends nothing once that save is made). When, with it, none of the
    /// notices can have been sent before, they go to the provider in one request, which it takes
    /// whole or not at all, so that save records them all; when they cannot go as one (one is
    /// refused, say), each goes on its own as above.
    /// </summary>
    public async Task<IReadOnlyList<MailOutcome>> SendOnceAsync(string scope, IReadOnlyList<Notice> notices, CancellationToken ct, bool lastRecordedByCaller = false)
    {
        ArgumentNullException.ThrowIfNull(notices);
        if (notices.Count == 0)
        {
            return [];
        }

        if (lastRecordedByCaller && notices.Count > 1 && notices.All(n => n.NeverSent) &&
            await SendTogetherAsync(scope, notices, ct).ConfigureAwait(false) is { } together)
        {
            return together;
        }

        var toClaim = notices.Where(n => !n.NeverSent).Select(n => n.Key).ToList();
        var claimed = toClaim.Count == 0 ? [] : await _store.ClaimMailsAsync(scope, toClaim, _clock.GetUtcNow(), _options.Lease, ct).ConfigureAwait(false);
        var claims = new Queue<MailLedgerEntry>(claimed);
        var outcomes = new MailOutcome?[notices.Count];
        for (var i = 0; i < notices.Count; i++)
        {
            // A notice never sent needs no claim: its ledger row is written once, when the provider answers.
            var claim = notices[i].NeverSent ? new MailLedgerEntry(scope, notices[i].Key, MailClaimState.Claimed, null, null) : claims.Dequeue();
            switch (claim.State)
            {
                case MailClaimState.Sent:
                    outcomes[i] = new MailOutcome(claim, true, claim.Detail);
                    continue;
                case MailClaimState.Failed:
                    outcomes[i] = new MailOutcome(claim, false, claim.Detail);
                    continue;
                case MailClaimState.InFlight:
                    // Another run took it over at this same moment and sends it.
                    outcomes[i] = new MailOutcome(claim, true, "being sent by another worker");
                    continue;
            }

            // Recorded as soon as the provider answers, so a stop loses at most this one's record.
            var message = notices[i].Compose(MessageId(scope, notices[i].Key));
            var result = await SendAsync(message, ct).ConfigureAwait(false);
            var finished = lastRecordedByCaller && i == notices.Count - 1
                ? claim with { State = StateOf(result), Detail = result.Detail }
                : await _store.FinishMailAsync(claim, result, _clock.GetUtcNow(), ct).ConfigureAwait(false);
            LogMail(message.Id, message.SubmissionId, result.Status);
            outcomes[i] = SentNow(finished, result);
        }

        return [.. outcomes.Select(o => o!)];
    }

    /// <summary>
    /// Notices never sent whose record is the caller's save, sent in one request to the provider, so
    /// it takes all of them or none and nothing is written here. Null when they cannot go as one
    /// (<see cref="IMailer.SendTogetherAsync"/>): they are then sent one by one, each recorded.
    /// </summary>
    private async Task<IReadOnlyList<MailOutcome>?> SendTogetherAsync(string scope, IReadOnlyList<Notice> notices, CancellationToken ct)
    {
        var messages = notices.Select(n => n.Compose(MessageId(scope, n.Key))).ToList();
        if (messages.Any(m => m.To.All(a => string.IsNullOrWhiteSpace(a.Address))))
        {
            return null;
        }

        MailResult? result;
        try
        {
            result = await _mailer.SendTogetherAsync(messages, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogSendThrew(e, messages[0].Id, messages[0].SubmissionId);
            return null;
        }

        if (result is null)
        {
            return null;
        }

        return [.. notices.Select((n, i) =>
        {
            LogMail(messages[i].Id, messages[i].SubmissionId, result.Status);
            return SentNow(new MailLedgerEntry(scope, n.Key, StateOf(result), result.Detail, null), result);
        })];
    }

    /// <summary>The outcome of a notice this call sent (or tried to): its entry, and whether the provider took it.</summary>
    private static MailOutcome SentNow(MailLedgerEntry entry, MailResult result) =>
        new(entry, result.Status == MailStatus.Sent, result.Detail) { SentNow = result.Status == MailStatus.Sent };

    private static MailClaimState StateOf(MailResult result) => result.Status == MailStatus.Sent ? MailClaimState.Sent : MailClaimState.Failed;

    private async Task<MailResult> SendAsync(MailMessage message, CancellationToken ct)
    {
        if (message.To.All(a => string.IsNullOrWhiteSpace(a.Address)))
        {
            return MailResult.Failed("no address is configured for it");
        }

        try
        {
            return await _mailer.SendAsync(message, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogSendThrew(e, message.Id, message.SubmissionId);
            return MailResult.Failed(e.GetType().Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Mail {MessageId} for submission {SubmissionId}: {Status}")]
    private partial void LogMail(string messageId, string? submissionId, MailStatus status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mail {MessageId} for submission {SubmissionId} could not be sent")]
    private partial void LogSendThrew(Exception exception, string messageId, string? submissionId);
}
