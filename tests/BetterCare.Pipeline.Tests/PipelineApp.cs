using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using BetterCare.Fixtures.Seeds;
using BetterCare.Workbooks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace BetterCare.Pipeline.Tests;

/// <summary>The app in standalone mode (its own trigger loops running) against one Azurite, with test keys and quick timings.</summary>
public sealed class PipelineApp : WebApplicationFactory<Program>
{
    public const string EssexKey = "essex-lead-key";
    public const string NelKey = "nel-lead-key";
    public const string AdminKey = "admin-key";
    public const string NationalKey = "national-key";

    private readonly string _connection;
    private readonly Action<IServiceCollection>? _services;
    private readonly IReadOnlyDictionary<string, string> _settings;

    public PipelineApp(string connection, Action<IServiceCollection>? services = null, IReadOnlyDictionary<string, string>? settings = null)
    {
        _connection = connection;
        _services = services;
        _settings = settings ?? new Dictionary<string, string>();
    }

    public static IReadOnlyDictionary<string, string> Settings(string connection) => new Dictionary<string, string>
    {
        ["AzureWebJobsStorage"] = connection,
        ["BetterCare:ReferenceDirectory"] = Repo.Reference,
        ["BetterCare:InboxPollInterval"] = "00:00:00.200",
        ["BetterCare:Pipeline:FirstRetryInterval"] = "00:00:00.200",
        // A killed host's work comes back within seconds, not the local defaults' quarter-minute.
        ["BetterCare:TaskHub:VisibilityTimeout"] = "00:00:05",
        ["BetterCare:TaskHub:LeaseInterval"] = "00:00:06",
        ["BetterCare:Pipeline:RestartStalledAfter"] = "00:00:05",
        ["BetterCare:ApiKeys:0:Key"] = EssexKey,
        ["BetterCare:ApiKeys:0:Name"] = "Essex HWB lead",
        ["BetterCare:ApiKeys:0:Role"] = "HwbLead",
        ["BetterCare:ApiKeys:0:Scope"] = "E10000012",
        ["BetterCare:ApiKeys:1:Key"] = NelKey,
        ["BetterCare:ApiKeys:1:Name"] = "North East Lincolnshire HWB lead",
        ["BetterCare:ApiKeys:1:Role"] = "HwbLead",
        ["BetterCare:ApiKeys:1:Scope"] = "E06000012",
        ["BetterCare:ApiKeys:2:Key"] = AdminKey,
        ["BetterCare:ApiKeys:2:Name"] = "Administrator",
        ["BetterCare:ApiKeys:2:Role"] = "Admin",
        ["BetterCare:ApiKeys:3:Key"] = NationalKey,
        ["BetterCare:ApiKeys:3:Name"] = "National team",
        ["BetterCare:ApiKeys:3:Role"] = "National",
    };

    /// <summary>The app without its engine's worker: orchestrations can be started but nothing runs them, so a test drives the activities itself.</summary>
    public static void WithoutEngine(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.Remove(services.Single(d => d.ImplementationType == typeof(BetterCare.DurableEngine.DurableEngine)));
    }

    public HttpClient Client(string? key)
    {
        var client = CreateClient();
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
        }

        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in Settings(_connection))
        {
            builder.UseSetting(key, value);
        }

        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        if (_services is not null)
        {
            builder.ConfigureTestServices(_services);
        }
    }
}

/// <summary>Workbooks to upload, made from the seeds' samples.</summary>
public static class Workbook
{
    public static byte[] Clean() => Bytes(NorthEastLincolnshire.Q2_2017_18());

    /// <summary>The clean return with <paramref name="count"/> signatories in all, each with an address of their own.</summary>
    public static byte[] WithSignatories(int count)
    {
        var draft = NorthEastLincolnshire.Q2_2017_18();
        for (var i = draft.Signatories.Count; i < count; i++)
        {
            draft.Signatories.Add(new SignatoryDraft(NorthEastLincolnshire.Ccg, "CCG", $"Deputy officer {i}", "Deputy chief finance officer", $"deputy{i}@nelccg.example", null));
        }

        return Bytes(draft);
    }

    public static byte[] Bytes(ReturnDraft draft)
    {
        using var stream = new MemoryStream();
        WorkbookWriter.Write(ReturnWorkbook.Build(draft), stream);
        return stream.ToArray();
    }

    /// <summary>The clean return with its council's forecast changed, so a resubmission is tellable apart.</summary>
    public static byte[] CleanWithCouncilForecast(double forecastMillions)
    {
        var draft = NorthEastLincolnshire.Q2_2017_18();
        draft.Partners[1] = draft.Partners[1] with { Forecast = forecastMillions };
        draft.PartnerTotals = null;
        return Bytes(draft);
    }

    /// <summary>The clean North East Lincolnshire return for another period (2016-17 and 2017-18 are clean), with its council's forecast.</summary>
    public static byte[] Nel(string year, string quarter, double councilForecastMillions = 6.5)
    {
        var draft = NorthEastLincolnshire.Q2_2017_18();
        draft.FinancialYear = year;
        draft.Quarter = quarter;
        draft.Partners[1] = draft.Partners[1] with { Forecast = councilForecastMillions };
        draft.PartnerTotals = null;
        return Bytes(draft);
    }

    /// <summary>The eight periods for which <see cref="Nel"/> is clean.</summary>
    public static IReadOnlyList<(string Year, string Quarter)> NelPeriods { get; } =
        [.. from y in new[] { "2016-17", "2017-18" } from q in new[] { "Q1", "Q2", "Q3", "Q4" } select (y, q)];

    public static async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] content, string fileName = "return.xlsx")
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        form.Add(file, "file", fileName);
        return await client.PostAsync(new Uri("/api/returns", UriKind.Relative), form).ConfigureAwait(false);
    }

    public static async Task<string> UploadedIdAsync(HttpClient client, byte[] content, string fileName = "return.xlsx")
    {
        using var response = await UploadAsync(client, content, fileName).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>().ConfigureAwait(false);
        return body.GetProperty("submissionId").GetString()!;
    }
}
