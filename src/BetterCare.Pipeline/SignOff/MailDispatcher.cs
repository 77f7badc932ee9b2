using BetterCare.Pipeline.Ports;
using Microsoft.Extensions.Logging;

namespace BetterCare.Pipeline.SignOff;

/// <summary>How sending a notice once ended. <see cref="NeedsHistory"/>: it has been decided, and no history line names it yet.</summary>
public sealed record MailOutcome(MailLedgerEntry Entry, bool Sent, string? Detail)
{
    public bool NeedsHistory => !Entry.Recorded && Entry.State is MailClaimState.Sent or MailClaimState.Failed;

    /// <summary>Sent by this call, not found already sent by an earlier one.</summary>
    public bool SentNow { get; init; }
}

/// <summary>
/// Sends each notice at most once: a ledger row (scope, key) is claimed before sending and
/// finished after, so a redelivered step, a repeated timer or a second worker finds it done.
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

    public async Task<MailOutcome> SendOnceAsync(string scope, string key, Func<string, MailMessage> compose, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(compose);
        var claim = await _store.ClaimMailAsync(scope, key, _clock.GetUtcNow(), _options.Lease, ct).ConfigureAwait(false);
        switch (claim.State)
        {
            case MailClaimState.Sent:
                return new MailOutcome(claim, true, claim.Detail);
            case MailClaimState.Failed:
                return new MailOutcome(claim, false, claim.Detail);
            case MailClaimState.InFlight:
                // Another worker is sending it now and will record it.
                return new MailOutcome(claim, true, "being sent by another worker");
        }

        var message = compose(MessageId(scope, key));
        MailResult result;
        if (message.To.All(a => string.IsNullOrWhiteSpace(a.Address)))
        {
            result = MailResult.Failed("no address is configured for it");
        }
        else
        {
            try
            {
                result = await _mailer.SendAsync(message, ct).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogSendThrew(e, message.Id, message.SubmissionId);
                result = MailResult.Failed(e.GetType().Name);
            }
        }

        var finished = await _store.FinishMailAsync(claim, result, _clock.GetUtcNow(), ct).ConfigureAwait(false);
        LogMail(message.Id, message.SubmissionId, result.Status);
        return new MailOutcome(finished, result.Status == MailStatus.Sent, result.Detail) { SentNow = result.Status == MailStatus.Sent };
    }

    public Task MarkRecordedAsync(MailOutcome outcome, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return outcome.NeedsHistory ? _store.MarkMailRecordedAsync(outcome.Entry, ct) : Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Mail {MessageId} for submission {SubmissionId}: {Status}")]
    private partial void LogMail(string messageId, string? submissionId, MailStatus status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mail {MessageId} for submission {SubmissionId} could not be sent")]
    private partial void LogSendThrew(Exception exception, string messageId, string? submissionId);
}
