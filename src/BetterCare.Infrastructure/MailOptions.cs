namespace BetterCare.Infrastructure;

/// <summary>
/// Mail settings: <c>BetterCare:Mail</c> (sender, outbox folder, retries) and <c>SendGrid</c>
/// (<c>ApiKey</c>, from Key Vault in Azure; <c>Host</c>). With an API key the app sends through
/// SendGrid; without one it writes .eml files to the outbox folder.
/// </summary>
public sealed class MailOptions
{
    public string FromAddress { get; set; } = "bettercare-returns@example.org";

    public string FromName { get; set; } = "Better Care Fund returns";

    /// <summary>Where the outbox mailer writes .eml files (relative paths from the working folder).</summary>
    public string OutboxDirectory { get; set; } = Path.Combine(Path.GetTempPath(), "bettercare-outbox");

    public string? SendGridApiKey { get; set; }

    /// <summary>The SendGrid API's base address; tests point it at a loopback listener.</summary>
    public string SendGridHost { get; set; } = "https://api.sendgrid.com";

    /// <summary>Tries per message when SendGrid answers 429 or 5xx, or cannot be reached.</summary>
    public int MaxAttempts { get; set; } = 4;

    /// <summary>The first wait between tries; it doubles each time (a Retry-After header wins, up to <see cref="MaxRetryDelay"/>).</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);
}
