using System.Net;
using System.Text;
using BetterCare.Pipeline.Ports;
using Microsoft.Extensions.Logging;
using SendGrid;
using SendGrid.Helpers.Mail;

namespace BetterCare.Infrastructure;

/// <summary>
/// Sends through SendGrid's v3 mail-send API with the SendGrid client. A 429 or 5xx (or no
/// answer) is tried again with a growing wait; any other refusal (a 400 for a bad address) is a
/// failed result that the workflow records and goes past. Several messages can go in one request
/// (<see cref="SendTogetherAsync"/>). Logs carry message and submission ids only.
/// </summary>
public sealed partial class SendGridMailer : IMailer
{
    /// <summary>SendGrid's most personalizations (and recipients) in one mail-send request.</summary>
    private const int MaxPersonalizations = 1000;

    /// <summary>SendGrid's limit on one personalization's substitutions, tags and values together.</summary>
    private const int MaxSubstitutionBytes = 10_000;

    private readonly SendGridClient _client;
    private readonly MailOptions _options;
    private readonly ILogger<SendGridMailer> _log;

    public SendGridMailer(HttpClient http, MailOptions options, ILogger<SendGridMailer> log)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _log = log;
        _client = new SendGridClient(http, new SendGridClientOptions
        {
            ApiKey = options.SendGridApiKey ?? throw new ArgumentException("SendGrid needs an API key.", nameof(options)),
            Host = options.SendGridHost.TrimEnd('/'),
        });
    }

    public async Task<MailResult> SendAsync(MailMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var mail = new SendGridMessage
        {
            From = new EmailAddress(_options.FromAddress, _options.FromName),
            Subject = message.Subject,
            PlainTextContent = message.Text,
            HtmlContent = message.Html,
        };
        mail.AddTos([.. message.To.Select(a => new EmailAddress(a.Address, a.Name))]);
        AddIds(mail, message, 0);
        var (result, _) = await PostAsync(mail, message.Id, message.SubmissionId, cancellationToken).ConfigureAwait(false);
        return result;
    }

    /// <summary>
    /// One request with a personalization per message: its recipients, subject and ids, and its two
    /// bodies as substitutions for the request's content, which is only the two substitution tags.
    /// The tags carry a random part, so no text in a body can name them. Not made when an address
    /// comes twice (SendGrid refuses that) or a message's bodies pass SendGrid's limit on
    /// substitutions; a refusal (4xx) is left to the caller to send one by one.
    /// </summary>
    public async Task<MailResult?> SendTogetherAsync(IReadOnlyList<MailMessage> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        if (messages.Count == 0 || messages.Count > MaxPersonalizations)
        {
            return null;
        }

        var addresses = messages.SelectMany(m => m.To).Select(a => a.Address.Trim().ToUpperInvariant()).ToList();
        if (addresses.Count > MaxPersonalizations || addresses.Distinct(StringComparer.Ordinal).Count() != addresses.Count)
        {
            return null;
        }

        var nonce = Guid.NewGuid().ToString("N");
        var (textTag, htmlTag) = ($"-text-{nonce}-", $"-html-{nonce}-");
        if (messages.Any(m => Encoding.UTF8.GetByteCount(m.Text) + Encoding.UTF8.GetByteCount(m.Html) + textTag.Length + htmlTag.Length > MaxSubstitutionBytes))
        {
            return null;
        }

        var mail = new SendGridMessage
        {
            From = new EmailAddress(_options.FromAddress, _options.FromName),
            PlainTextContent = textTag,
            HtmlContent = htmlTag,
        };
        for (var i = 0; i < messages.Count; i++)
        {
            var message = messages[i];
            mail.AddTos([.. message.To.Select(a => new EmailAddress(a.Address, a.Name))], i);
            mail.SetSubject(message.Subject, i);
            mail.AddSubstitution(textTag, message.Text, i);
            mail.AddSubstitution(htmlTag, message.Html, i);
            AddIds(mail, message, i);
        }

        var first = messages[0];
        var (result, refused) = await PostAsync(mail, $"{first.Id} and {messages.Count - 1} more", first.SubmissionId, cancellationToken).ConfigureAwait(false);
        return refused ? null : result;
    }

    private static void AddIds(SendGridMessage mail, MailMessage message, int personalization)
    {
        mail.AddCustomArg("message_id", message.Id, personalization);
        if (message.SubmissionId is { } submission)
        {
            mail.AddCustomArg("submission_id", submission, personalization);
        }
    }

    /// <summary>Posts a request, trying again on 429, 5xx or no answer; <c>Refused</c> when SendGrid said no for good (another 4xx).</summary>
    private async Task<(MailResult Result, bool Refused)> PostAsync(SendGridMessage mail, string logId, string? submissionId, CancellationToken cancellationToken)
    {
        var delay = _options.RetryDelay;
        for (var attempt = 1; ; attempt++)
        {
            HttpStatusCode? status = null;
            TimeSpan? retryAfter = null;
            try
            {
                var response = await _client.SendEmailAsync(mail, cancellationToken).ConfigureAwait(false);
                status = response.StatusCode;
                if (response.IsSuccessStatusCode)
                {
                    var id = response.Headers.TryGetValues("X-Message-Id", out var ids) ? ids.FirstOrDefault() : null;
                    return (MailResult.Sent(id is null ? $"SendGrid {(int)status}" : $"SendGrid {(int)status}, message {id}"), false);
                }

                retryAfter = response.Headers.RetryAfter?.Delta;
                if (status != HttpStatusCode.TooManyRequests && (int)status < 500)
                {
                    LogRefused(logId, submissionId, (int)status);
                    return (MailResult.Failed($"SendGrid refused it with {(int)status} {status}"), true);
                }
            }
            catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
            {
                LogUnreachable(logId, submissionId, attempt, e.GetType().Name);
            }

            if (attempt >= _options.MaxAttempts)
            {
                return (MailResult.Failed(status is { } s ? $"SendGrid answered {(int)s} {s} {attempt} times" : $"SendGrid could not be reached in {attempt} tries"), false);
            }

            var wait = retryAfter is { } after && after > delay ? after : delay;
            LogRetrying(logId, submissionId, status is { } code ? (int)code : 0, attempt, wait);
            await Task.Delay(wait < _options.MaxRetryDelay ? wait : _options.MaxRetryDelay, cancellationToken).ConfigureAwait(false);
            delay *= 2;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mail {MessageId} for submission {SubmissionId}: SendGrid refused it with {Status}")]
    private partial void LogRefused(string messageId, string? submissionId, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mail {MessageId} for submission {SubmissionId}: SendGrid not reached on try {Attempt} ({Error})")]
    private partial void LogUnreachable(string messageId, string? submissionId, int attempt, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Mail {MessageId} for submission {SubmissionId}: SendGrid answered {Status} on try {Attempt}; trying again in {Wait}")]
    private partial void LogRetrying(string messageId, string? submissionId, int status, int attempt, TimeSpan wait);
}
