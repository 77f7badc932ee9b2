namespace BetterCare.Pipeline.Ports;

/// <summary>Someone to write to. <see cref="Name"/> is how the greeting and the header name them.</summary>
public sealed record MailAddress(string Address, string? Name = null);

/// <summary>
/// One email. <see cref="Id"/> is deterministic (the same notice always has the same id), so the
/// adapters can use it as the Message-ID and a person can match a file or a delivery to the history.
/// Every message has both an HTML and a plain-text body.
/// </summary>
public sealed record MailMessage(string Id, IReadOnlyList<MailAddress> To, string Subject, string Html, string Text, string? SubmissionId);

public enum MailStatus
{
    Sent = 1,

    /// <summary>Refused or undeliverable after the adapter's own retries; the workflow goes on without it.</summary>
    Failed = 2,
}

public sealed record MailResult(MailStatus Status, string? Detail)
{
    public static MailResult Sent(string? detail = null) => new(MailStatus.Sent, detail);

    public static MailResult Failed(string detail) => new(MailStatus.Failed, detail);
}

/// <summary>Sends email: SendGrid in Azure, an outbox folder of .eml files locally.</summary>
public interface IMailer
{
    /// <summary>Sends a message; a refusal is a <see cref="MailStatus.Failed"/> result, not an exception.</summary>
    Task<MailResult> SendAsync(MailMessage message, CancellationToken cancellationToken);

    /// <summary>
    /// Sends several messages, each to its own distinct recipients, in one request to the provider,
    /// so it takes all of them or none: <see cref="MailStatus.Sent"/> when it took them,
    /// <see cref="MailStatus.Failed"/> when it could not be reached after the adapter's retries, and
    /// null when they cannot go as one (too large for one request, or refused as a whole, as one
    /// bad address makes SendGrid refuse the request): the caller then sends each on its own.
    /// </summary>
    Task<MailResult?> SendTogetherAsync(IReadOnlyList<MailMessage> messages, CancellationToken cancellationToken);
}

/// <summary>Who gets the notices that the return itself does not name: uploaders, HWB leads, regional managers (from configuration).</summary>
public interface IContactDirectory
{
    /// <summary>The address of an uploader (the API key's holder), if one is configured.</summary>
    MailAddress? Uploader(string uploader);

    IReadOnlyList<MailAddress> HwbLeads(string hwbCode);

    IReadOnlyList<MailAddress> RegionalManagers(string region);
}
