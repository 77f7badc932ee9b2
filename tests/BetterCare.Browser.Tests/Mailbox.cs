using MimeKit;

namespace BetterCare.Browser.Tests;

/// <summary>The site's outbox as a person's mail program shows it: each <c>.eml</c> file a message.</summary>
internal static class Mailbox
{
    /// <summary>Waits for a message to <paramref name="to"/> whose subject starts so, with a link into the site; returns that link as written in the email.</summary>
    public static async Task<Uri> LinkAsync(Site site, string to, string subjectStart, string pathStart, int atLeast = 1)
    {
        var messages = await Eventually.Async(
            () => Task.FromResult<IReadOnlyList<MimeMessage>>([.. Directory.GetFiles(site.Outbox, "*.eml").Order(StringComparer.Ordinal).Select(f => MimeMessage.Load(f))
                .Where(m => m.To.Mailboxes.Any(a => string.Equals(a.Address, to, StringComparison.OrdinalIgnoreCase)) && m.Subject?.StartsWith(subjectStart, StringComparison.Ordinal) == true)]),
            found => found.Count >= atLeast,
            $"{atLeast} message(s) to {to} about '{subjectStart}'",
            seconds: 60);
        var text = messages[atLeast - 1].TextBody ?? string.Empty;
        var prefix = new Uri(site.Address, pathStart).ToString();
        var start = text.IndexOf(prefix, StringComparison.Ordinal);
        Assert.True(start >= 0, $"no link starting {prefix} in '{messages[atLeast - 1].Subject}'");
        var end = text.IndexOfAny(['\r', '\n', ' ', '>'], start);
        return new Uri(text[start..(end < 0 ? text.Length : end)]);
    }
}
