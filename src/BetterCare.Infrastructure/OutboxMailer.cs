using BetterCare.Pipeline.Ports;
using MimeKit;

namespace BetterCare.Infrastructure;

/// <summary>
/// The local mailer: each message becomes a standards-conforming .eml file (MimeKit; multipart
/// alternative with plain text and HTML) in the outbox folder, named by time and message id, so a
/// person can open it in any mail program. A message written twice would show as two files.
/// </summary>
public sealed class OutboxMailer : IMailer
{
    private readonly MailOptions _options;
    private readonly TimeProvider _clock;

    public OutboxMailer(MailOptions options, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _clock = clock;
        Directory = Path.GetFullPath(options.OutboxDirectory);
    }

    public string Directory { get; }

    public async Task<MailResult> SendAsync(MailMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        MimeMessage mime;
        try
        {
            mime = new MimeMessage();
            mime.From.Add(new MailboxAddress(_options.FromName, _options.FromAddress));
            foreach (var to in message.To)
            {
                mime.To.Add(new MailboxAddress(to.Name ?? string.Empty, to.Address));
            }
        }
        catch (ParseException)
        {
            return MailResult.Failed("an address is not a valid email address");
        }

        var now = _clock.GetUtcNow();
        var domain = _options.FromAddress.Contains('@', StringComparison.Ordinal) ? _options.FromAddress[(_options.FromAddress.IndexOf('@', StringComparison.Ordinal) + 1)..] : "localhost";
        mime.Subject = message.Subject;
        mime.Date = now;
        mime.MessageId = $"{message.Id}@{domain}";
        if (message.SubmissionId is { } submission)
        {
            mime.Headers.Add("X-BetterCare-Submission", submission);
        }

        mime.Body = new BodyBuilder { TextBody = message.Text, HtmlBody = message.Html }.ToMessageBody();
        System.IO.Directory.CreateDirectory(Directory);
        var stem = $"{now.UtcDateTime:yyyyMMdd'T'HHmmssfff}-{message.Id}";

        // Written whole under a name no reader looks at, then renamed: a reader sees a whole message or none.
        var partial = Path.Combine(Directory, $".{stem}.{Guid.NewGuid():N}.partial");
        await using (var file = new FileStream(partial, FileMode.CreateNew, FileAccess.Write))
        {
            await mime.WriteToAsync(file, cancellationToken).ConfigureAwait(false);
        }

        for (var n = 1; ; n++)
        {
            var path = Path.Combine(Directory, n == 1 ? stem + ".eml" : $"{stem}-{n}.eml");
            try
            {
                File.Move(partial, path, overwrite: false);
                return MailResult.Sent($"written to the outbox as {Path.GetFileName(path)}");
            }
            catch (IOException) when (File.Exists(path) && n < 100)
            {
            }
        }
    }
}
