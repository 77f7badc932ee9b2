using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using BetterCare.Fixtures.Seeds;
using BetterCare.Standalone;
using BetterCare.Workbooks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MimeKit;

namespace BetterCare.SignOff.Tests;

/// <summary>
/// The app in standalone mode against one Azurite, writing mail to a throwaway outbox, on a
/// calendar of seconds: from now, each <see cref="DayLength"/> of real time is a calendar day from
/// <c>calendarStart</c>, so the durable timers of chasers, deadlines and reminders fire in seconds
/// through the same code as in production. The cron loop is taken out (the period orchestrations
/// are started by the test when it wants them).
/// </summary>
public sealed class SignOffApp : WebApplicationFactory<Program>
{
    public const string LeadKey = "nel-lead-key";
    public const string LeadEmail = "nel.lead@nelc.example";
    public const string EssexLeadEmail = "essex.lead@essex.example";
    public const string NorthManager = "north.manager@england.example";
    public const string EastManager = "east.manager@england.example";
    public const string TokenKey = "a-test-only-sign-off-token-key-of-forty-characters";

    private readonly string _connection;
    private readonly IReadOnlyDictionary<string, string> _extra;

    public SignOffApp(string connection, DateTimeOffset calendarStart, TimeSpan? dayLength = null, IReadOnlyDictionary<string, string>? settings = null)
    {
        _connection = connection;
        CalendarStart = calendarStart;
        DayLength = dayLength ?? TimeSpan.FromSeconds(1);
        RealStart = DateTimeOffset.UtcNow;
        _extra = settings ?? new Dictionary<string, string>();
        Outbox = new Outbox(Directory.CreateTempSubdirectory("outbox-").FullName);
    }

    public DateTimeOffset CalendarStart { get; }

    public TimeSpan DayLength { get; }

    /// <summary>The real moment the calendar reads <see cref="CalendarStart"/>.</summary>
    public DateTimeOffset RealStart { get; }

    /// <summary>The app's calendar, to work out when something is due.</summary>
    public Pipeline.SignOff.SignOffCalendar Calendar => Service<Pipeline.SignOff.SignOffCalendar>();

    public Outbox Outbox { get; }

    /// <summary>Every log line the app wrote, with its exception's message.</summary>
    public LogCapture Logs { get; } = new();

    public HttpClient Client(string? key = LeadKey)
    {
        // An https address, as in production: the session cookie is Secure there, and the client only sends it back over https.
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
        }

        return client;
    }

    public T Service<T>()
        where T : notnull => Services.GetRequiredService<T>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var settings = new Dictionary<string, string>
        {
            ["AzureWebJobsStorage"] = _connection,
            ["BetterCare:ReferenceDirectory"] = Repo.Reference,
            ["BetterCare:InboxPollInterval"] = "00:00:00.200",
            ["BetterCare:Pipeline:FirstRetryInterval"] = "00:00:00.200",
            ["BetterCare:PublicBaseUrl"] = "https://returns.example.org",
            ["BetterCare:SignOff:TokenKey"] = TokenKey,
            ["BetterCare:Mail:OutboxDirectory"] = Outbox.Directory,
            ["BetterCare:RegionalManagers:North East and Yorkshire"] = NorthManager,
            ["BetterCare:RegionalManagers:East-of-England"] = EastManager,
            ["BetterCare:ApiKeys:0:Key"] = LeadKey,
            ["BetterCare:ApiKeys:0:Name"] = "North East Lincolnshire HWB lead",
            ["BetterCare:ApiKeys:0:Role"] = "HwbLead",
            ["BetterCare:ApiKeys:0:Scope"] = "E06000012",
            ["BetterCare:ApiKeys:0:Email"] = LeadEmail,
            ["BetterCare:ApiKeys:1:Key"] = "essex-lead-key",
            ["BetterCare:ApiKeys:1:Name"] = "Essex HWB lead",
            ["BetterCare:ApiKeys:1:Role"] = "HwbLead",
            ["BetterCare:ApiKeys:1:Scope"] = "E10000012",
            ["BetterCare:ApiKeys:1:Email"] = EssexLeadEmail,
            ["BetterCare:SignOff:CalendarDayLength"] = DayLength.ToString("c", System.Globalization.CultureInfo.InvariantCulture),
            ["BetterCare:SignOff:CalendarStart"] = CalendarStart.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            ["BetterCare:SignOff:CalendarRealStart"] = RealStart.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            ["BetterCare:TaskHub:MaximumTimerInterval"] = "00:00:05",
            ["BetterCare:TaskHub:MaxQueuePollingInterval"] = "00:00:00.500",
        };
        foreach (var (key, value) in _extra)
        {
            settings[key] = value;
        }

        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.AddProvider(Logs).SetMinimumLevel(LogLevel.Debug));
        builder.ConfigureTestServices(services =>
        {
            services.Remove(services.Single(d => d.ImplementationType == typeof(CronScheduler)));
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Outbox.Delete();
    }

    public static byte[] Nel(double councilForecastMillions = 6.5)
    {
        var draft = NorthEastLincolnshire.Q2_2017_18();
        draft.Partners[1] = draft.Partners[1] with { Forecast = councilForecastMillions };
        draft.PartnerTotals = null;
        using var stream = new MemoryStream();
        WorkbookWriter.Write(ReturnWorkbook.Build(draft), stream);
        return stream.ToArray();
    }

    public static async Task<string> UploadAsync(HttpClient client, byte[] content, string fileName)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        form.Add(file, "file", fileName);
        using var response = await client.PostAsync(new Uri("/api/returns", UriKind.Relative), form);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("submissionId").GetString()!;
    }

    public static async Task<JsonElement> StatusAsync(HttpClient client, string id)
    {
        using var response = await client.GetAsync(new Uri($"/api/returns/{id}", UriKind.Relative));
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Waits until the workflow has finished its steps for a submission and, for an accepted one, its sign-off requests are out.</summary>
    public static Task<JsonElement> DoneAsync(HttpClient client, string id) =>
        Eventually.Async(
            () => StatusAsync(client, id),
            s => s.GetProperty("status").GetString() is var state && (state == "Failed" ||
                (s.GetProperty("step").GetString() == "Done" && (state != "Accepted" || Events(s).Contains("Requested")))),
            $"submission {id} to finish");

    /// <summary>Waits until a submission reaches a status (the sign-off orchestration records decisions a moment after the page).</summary>
    public static Task<JsonElement> StatusBecomesAsync(HttpClient client, string id, string status) =>
        Eventually.Async(() => StatusAsync(client, id), s => s.GetProperty("status").GetString() == status, $"submission {id} to become {status}");

    /// <summary>Waits until the outbox holds at least <paramref name="atLeast"/> messages that <paramref name="match"/> accepts; returns them.</summary>
    public Task<IReadOnlyList<MimeMessage>> MailAsync(Func<MimeMessage, bool> match, int atLeast = 1, int seconds = 60) =>
        Eventually.Async(
            () => Task.FromResult<IReadOnlyList<MimeMessage>>([.. Outbox.All().Where(match)]),
            found => found.Count >= atLeast,
            $"{atLeast} matching message(s) in the outbox {Outbox.Directory}",
            seconds);

    /// <summary>Waits until a submission's history has an event; returns its events then.</summary>
    public static Task<IReadOnlyList<string>> EventsWithAsync(HttpClient client, string id, string @event) =>
        Eventually.Async(async () => Events(await StatusAsync(client, id)), events => events.Contains(@event), $"a {@event} line in submission {id}'s history");

    public static IReadOnlyList<string> Events(JsonElement status) =>
        [.. status.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("event").GetString()!)];
}

/// <summary>The outbox folder, read back with MimeKit.</summary>
public sealed class Outbox(string directory)
{
    public string Directory { get; } = directory;

    public IReadOnlyList<MimeMessage> All() =>
        [.. System.IO.Directory.GetFiles(Directory, "*.eml").Order(StringComparer.Ordinal).Select(f => MimeMessage.Load(f))];

    public IReadOnlyList<MimeMessage> To(string address) =>
        [.. All().Where(m => m.To.Mailboxes.Any(a => string.Equals(a.Address, address, StringComparison.OrdinalIgnoreCase)))];

    public IReadOnlySet<string> Files() => System.IO.Directory.GetFiles(Directory, "*.eml").ToHashSet(StringComparer.Ordinal);

    /// <summary>The messages written since a <see cref="Files"/> snapshot.</summary>
    public IReadOnlyList<MimeMessage> Since(IReadOnlySet<string> before) =>
        [.. System.IO.Directory.GetFiles(Directory, "*.eml").Where(f => !before.Contains(f)).Order(StringComparer.Ordinal).Select(f => MimeMessage.Load(f))];

    public void Delete()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

public static class Mail
{
    /// <summary>The sign-off link in an email's plain-text body, as a path the test client can follow.</summary>
    public static string LinkPath(MimeMessage message)
    {
        var text = message.TextBody ?? string.Empty;
        var start = text.IndexOf("https://returns.example.org/sign-off/", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no sign-off link in '{message.Subject}'");
        var end = text.IndexOfAny(['\r', '\n', ' '], start);
        return new Uri(text[start..(end < 0 ? text.Length : end)]).AbsolutePath;
    }
}

/// <summary>Keeps every log line, so tests can check what the logs carry.</summary>
public sealed class LogCapture : ILoggerProvider
{
    public System.Collections.Concurrent.ConcurrentQueue<string> Lines { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(LogCapture capture, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            capture.Lines.Enqueue($"{category}: {formatter(state, exception)} {exception?.Message}");
    }
}
