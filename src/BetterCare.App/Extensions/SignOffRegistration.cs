using BetterCare.Infrastructure;
using BetterCare.Pipeline.Ports;
using BetterCare.Pipeline.SignOff;
using BetterCare.Returns.Reference;
using Microsoft.Extensions.Options;

namespace BetterCare.App.Extensions;

/// <summary>Registers mail (SendGrid with an API key, else the .eml outbox), the sign-off service, the period's notices and the contact directory.</summary>
public static partial class SignOffRegistration
{
    public static IHostApplicationBuilder AddSignOff(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configuration = builder.Configuration;
        var services = builder.Services;

        var signOff = configuration.GetSection("BetterCare:SignOff").Get<SignOffOptions>() ?? new SignOffOptions();
        if (configuration["BetterCare:PublicBaseUrl"] is { Length: > 0 } baseUrl)
        {
            signOff.PublicBaseUrl = baseUrl;
        }

        var mail = configuration.GetSection("BetterCare:Mail").Get<MailOptions>() ?? new MailOptions();
        mail.SendGridApiKey = configuration["SendGrid:ApiKey"] is { Length: > 0 } key ? key : mail.SendGridApiKey;
        mail.SendGridHost = configuration["SendGrid:Host"] is { Length: > 0 } host ? host : mail.SendGridHost;
        services.AddSingleton(signOff);
        services.AddSingleton(mail);
        services.AddSingleton(sp => SignOffTokens.FromSetting(signOff.TokenKey));
        services.AddSingleton(sp => SignOffCalendar.Load(
            ServiceRegistration.ReferenceDirectory(sp.GetRequiredService<IOptions<BetterCareSettings>>().Value, builder.Environment.ContentRootPath), signOff));
        services.AddSingleton<SignOffEmails>();
        services.AddSingleton<ISignOffStore, AzureSignOffStore>();
        services.AddSingleton<IContactDirectory, ConfiguredContacts>();
        services.AddSingleton<MailDispatcher>();
        services.AddSingleton<SignOffService>();
        services.AddSingleton<PeriodCalendar>();
        services.AddSingleton<PeriodNotices>();
        if (string.IsNullOrWhiteSpace(mail.SendGridApiKey))
        {
            services.AddSingleton<IMailer, OutboxMailer>();
        }
        else
        {
            // One client for the app's life; connections are renewed so DNS changes are seen.
            services.AddSingleton<IMailer>(sp => new SendGridMailer(
                new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = TimeSpan.FromSeconds(30) },
                mail,
                sp.GetRequiredService<ILogger<SendGridMailer>>()));
        }

        services.AddHostedService<SignOffStartup>();

        // The request log would write each sign-off link's token; the app logs its own events by submission id.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.AspNetCore.Routing.Matching", LogLevel.Information);
        return builder;
    }
}

/// <summary>Says at start-up which mailer is in use and warns when sign-off links will not outlive the process.</summary>
internal sealed partial class SignOffStartup(MailOptions mail, SignOffOptions signOff, IMailer mailer, ILogger<SignOffStartup> log) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (mailer is OutboxMailer outbox)
        {
            LogOutbox(outbox.Directory);
        }
        else
        {
            LogSendGrid(mail.SendGridHost);
        }

        if (string.IsNullOrWhiteSpace(signOff.TokenKey))
        {
            LogNoTokenKey();
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Mail goes to the outbox folder {Directory} as .eml files (no SendGrid API key is configured)")]
    private partial void LogOutbox(string directory);

    [LoggerMessage(Level = LogLevel.Information, Message = "Mail goes through SendGrid at {Host}")]
    private partial void LogSendGrid(string host);

    [LoggerMessage(Level = LogLevel.Warning, Message = "BetterCare:SignOff:TokenKey is not set: sign-off links work only until this process stops, and only on this instance")]
    private partial void LogNoTokenKey();
}

/// <summary>Addresses from configuration: API key holders' <c>Email</c> (uploaders, HWB leads, regional managers) and <c>BetterCare:RegionalManagers</c>.</summary>
public sealed class ConfiguredContacts : IContactDirectory
{
    private readonly BetterCareSettings _settings;

    public ConfiguredContacts(IOptions<BetterCareSettings> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _settings = settings.Value;
    }

    public MailAddress? Uploader(string uploader) =>
        _settings.ApiKeys.Where(k => k.Name == uploader && !string.IsNullOrWhiteSpace(k.Email)).Select(k => new MailAddress(k.Email!.Trim(), k.Name)).FirstOrDefault();

    public IReadOnlyList<MailAddress> HwbLeads(string hwbCode) =>
        Distinct(_settings.ApiKeys.Where(k => k.Role == Auth.Role.HwbLead && string.Equals(k.Scope, hwbCode, StringComparison.OrdinalIgnoreCase) && !string.IsNullOrWhiteSpace(k.Email))
            .Select(k => new MailAddress(k.Email!.Trim(), k.Name)));

    public IReadOnlyList<MailAddress> RegionalManagers(string region)
    {
        var configured = _settings.RegionalManagers
            .Where(kv => AreaNames.Same(kv.Key, region))
            .SelectMany(kv => kv.Value.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(a => new MailAddress(a, $"{region} Better Care manager"));
        var keyHolders = _settings.ApiKeys
            .Where(k => k.Role == Auth.Role.RegionalManager && AreaNames.Same(k.Scope, region) && !string.IsNullOrWhiteSpace(k.Email))
            .Select(k => new MailAddress(k.Email!.Trim(), k.Name));
        return Distinct(configured.Concat(keyHolders));
    }

    private static List<MailAddress> Distinct(IEnumerable<MailAddress> addresses) =>
        addresses.DistinctBy(a => a.Address.ToLowerInvariant()).ToList();
}
