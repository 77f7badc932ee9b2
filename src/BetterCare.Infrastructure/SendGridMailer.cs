using System.Net;
using BetterCare.Pipeline.Ports;
using Microsoft.Extensions.Logging;
using SendGrid;
using SendGrid.Helpers.Mail;

namespace BetterCare.Infrastructure;

/// <summary>
/// Sends through SendGrid's v3 mail-send API with the SendGrid client. A 429 or 5xx (or no
/// answer) is tried again with a growing wait; any other refusal (a 400 for a bad address) is a
/// failed result that the workflow records and goes past. Logs carry message and submission ids only.
/// </summary>
public sealed partial class SendGridMailer : IMailer
{
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
        mail.AddCustomArg("message_id", message.Id);
        if (message.SubmissionId is { } submission)
        {
            mail.AddCustomArg("submission_id", submission);
        }

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
                    return MailResult.Sent(id is null ? $"SendGrid {(int)status}" : $"SendGrid {(int)status}, message {id}");
                }

                retryAfter = response.Headers.RetryAfter?.Delta;
                if (status != HttpStatusCode.TooManyRequests && (int)status < 500)
                {
                    LogRefused(message.Id, message.SubmissionId, (int)status);
                    return MailResult.Failed($"SendGrid refused it with {(int)status} {status}");
                }
            }
            catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
            {
                LogUnreachable(message.Id, message.SubmissionId, attempt, e.GetType().Name);
            }

            if (attempt >= _options.MaxAttempts)
            {
                return MailResult.Failed(status is { } s ? $"SendGrid answered {(int)s} {s} {attempt} times" : $"SendGrid could not be reached in {attempt} tries");
            }

            var wait = retryAfter is { } after && after > delay ? after : delay;
            LogRetrying(message.Id, message.SubmissionId, status is { } code ? (int)code : 0, attempt, wait);
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
