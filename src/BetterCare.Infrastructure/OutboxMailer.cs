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
        if (Compose(message) is not { } mime)
        {
            return MailResult.Failed("an address is not a valid email address");
        }

        var partial = await WritePartialAsync(mime, cancellationToken).ConfigureAwait(false);
        return MailResult.Sent($"written to the outbox as {Publish(partial, Stem(mime, message))}");
    }

    /// <summary>
    /// Every message written whole first, then each given its name: none shows before all are
    /// written. One with an address that is not valid leaves them to be sent one by one.
    /// </summary>
    public async Task<MailResult?> SendTogetherAsync(IReadOnlyList<MailMessage> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var mimes = messages.Select(Compose).ToList();
        if (mimes.Count == 0 || mimes.Any(m => m is null))
        {
            return null;
        }

        var partials = new List<string>(mimes.Count);
        foreach (var mime in mimes)
        {
            partials.Add(await WritePartialAsync(mime!, cancellationToken).ConfigureAwait(false));
        }

        for (var i = 0; i < partials.Count; i++)
        {
            Publish(partials[i], Stem(mimes[i]!, messages[i]));
        }

        return MailResult.Sent($"written to the outbox with {messages.Count - 1} more");
    }

    private MimeMessage? Compose(MailMessage message)
    {
        var mime = new MimeMessage();
        try
        {
            mime.From.Add(new MailboxAddress(_options.FromName, _options.FromAddress));
            foreach (var to in message.To)
            {
                mime.To.Add(new MailboxAddress(to.Name ?? string.Empty, to.Address));
            }
        }
        catch (ParseException)
        {
            return null;
        }

        var domain = _options.FromAddress.Contains('@', StringComparison.Ordinal) ? _options.FromAddress[(_options.FromAddress.IndexOf('@', StringComparison.Ordinal) + 1)..] : "localhost";
        mime.Subject = message.Subject;
        mime.Date = _clock.GetUtcNow();
        mime.MessageId = $"{message.Id}@{domain}";
        if (message.SubmissionId is { } submission)
        {
            mime.Headers.Add("X-BetterCare-Submission", submission);
        }

        mime.Body = new BodyBuilder { TextBody = message.Text, HtmlBody = message.Html }.ToMessageBody();
        return mime;
    }

    private static string Stem(MimeMessage mime, MailMessage message) => $"{mime.Date.UtcDateTime:yyyyMMdd'T'HHmmssfff}-{message.Id}";

    /// <summary>Written whole under a name no reader looks at: a reader sees a whole message or none.</summary>
    private async Task<string> WritePartialAsync(MimeMessage mime, CancellationToken cancellationToken)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var partial = Path.Combine(Directory, $".{Guid.NewGuid():N}.partial");
        await using (var file = new FileStream(partial, FileMode.CreateNew, FileAccess.Write))
        {
            await mime.WriteToAsync(file, cancellationToken).ConfigureAwait(false);
        }

        return partial;
    }

    /// <summary>Renames a written message to its .eml name (numbered when the name is taken); returns the name.</summary>
    private string Publish(string partial, string stem)
    {
        for (var n = 1; ; n++)
        {
            var path = Path.Combine(Directory, n == 1 ? stem + ".eml" : $"{stem}-{n}.eml");
            try
            {
                File.Move(partial, path, overwrite: false);
                return Path.GetFileName(path);
            }
            catch (IOException) when (File.Exists(path) && n < 100)
            {
            }
        }
    }
}
