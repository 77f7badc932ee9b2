using BetterCare.Pipeline.Ports;
using Microsoft.Extensions.Logging;

namespace BetterCare.Pipeline.SignOff;

/// <summary>How sending a notice once ended; <see cref="SentNow"/> when this call sent it.</summary>
public sealed record MailOutcome(MailLedgerEntry Entry, bool Sent, string? Detail)
{
    /// <summary>Sent by this call, not found already sent by an earlier one.</summary>
    public bool SentNow { get; init; }
}

/// <summary>A notice to send once: its key in the ledger, and how to write it given its message id.</summary>
public sealed record Notice(string Key, Func<string, MailMessage> Compose);

/// <summary>
/// Sends each notice once: a ledger row (scope, key) is claimed before sending and finished as
/// soon as the provider answers, so a redelivered step, a repeated timer or a second worker finds
/// it done, and one that stopped in between is sent again.
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
    /// Sends several notices of one scope, each once: they are claimed together (a table
    /// transaction when the ledger allows), then each is sent and its result recorded before the
    /// next. A notice claimed by a run that stopped is sent again. The outcomes come back in the
    /// order given.
    /// </summary>
    public async Task<IReadOnlyList<MailOutcome>> SendOnceAsync(string scope, IReadOnlyList<Notice> notices, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(notices);
        if (notices.Count == 0)
        {
            return [];
        }

        var claims = await _store.ClaimMailsAsync(scope, [.. notices.Select(n => n.Key)], _clock.GetUtcNow(), _options.Lease, ct).ConfigureAwait(false);
        var outcomes = new MailOutcome?[notices.Count];
        for (var i = 0; i < notices.Count; i++)
        {
            var claim = claims[i];
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
            var finished = await _store.FinishMailAsync(claim, result, _clock.GetUtcNow(), ct).ConfigureAwait(false);
            LogMail(message.Id, message.SubmissionId, result.Status);
            outcomes[i] = new MailOutcome(finished, result.Status == MailStatus.Sent, result.Detail) { SentNow = result.Status == MailStatus.Sent };
        }

        return [.. outcomes.Select(o => o!)];
    }

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
