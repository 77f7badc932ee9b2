using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using BetterCare.Fixtures.Seeds;
using BetterCare.Infrastructure;
using BetterCare.Pipeline.Periods;
using BetterCare.Pipeline.Submissions;
using BetterCare.Returns.Aggregation;
using BetterCare.Returns.Reference;
using BetterCare.Returns.Validation;
using BetterCare.Standalone;
using BetterCare.Testing;
using BetterCare.Workbooks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace BetterCare.Benchmarks;

/// <summary>
/// A regional manager's dashboard for a region of 153 HWBs, through the app's whole HTTP pipeline
/// (signed in by cookie; the page rendered on the server), against the aggregates API call for
/// the same region and period (the baseline: its JSON, with an API key), both in-process on one
/// Azurite. The dashboard also reads the year's earlier quarter for its chart.
/// </summary>
[Config(typeof(DashboardConfig))]
[MemoryDiagnoser]
public partial class DashboardBenchmarks
{
    private const int Hwbs = 153;
    private const string Region = "Benchmark Region";
    private const string Period = "2017-18-Q2";
    private const string ManagerKey = "bench-manager-key";

    private Azurite _azurite = null!;
    private App _app = null!;
    private HttpClient _api = null!;
    private HttpClient _browser = null!;
    private string _reference = null!;

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    [GlobalCleanup]
    public void Cleanup()
    {
        _api.Dispose();
        _browser.Dispose();
        _app.Dispose();
        _azurite.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Directory.Delete(_reference, recursive: true);
    }

    [Benchmark(Baseline = true, Description = "aggregates API call, region of 153 HWBs, JSON")]
    public async Task<int> AggregatesCall() =>
        (await _api.GetByteArrayAsync(new Uri($"/api/aggregates/{Period}?region={Uri.EscapeDataString(Region)}", UriKind.Relative))).Length;

    [Benchmark(Description = "dashboard page, region of 153 HWBs, HTML")]
    public async Task<int> DashboardPage() =>
        (await _browser.GetByteArrayAsync(new Uri($"/periods/{Period}/dashboard?region={Uri.EscapeDataString(Region)}", UriKind.Relative))).Length;

    private async Task SetupAsync()
    {
        _azurite = await Azurite.StartAsync();
        _reference = WriteReference();
        _app = new App(_azurite.ConnectionString, _reference);
        _api = _app.CreateClient();
        _api.DefaultRequestHeaders.Add("X-Api-Key", ManagerKey);
        _browser = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        // 153 accepted returns, each with the North East Lincolnshire seed's figures, half of them signed off.
        var tables = _app.Services.GetRequiredService<AzureReturnTables>();
        var reference = ReferenceData.Load(_reference);
        var parsed = new ReturnValidator(reference).Check(new MemoryStream(WorkbookWriter.ToBytes(ReturnWorkbook.Build(NorthEastLincolnshire.Q2_2017_18()))), "nel.xlsx").Return!;
        var figures = ReturnFigures.From(Aggregator.Aggregate(parsed));
        foreach (var area in reference.Areas)
        {
            var id = SubmissionId.For(area.HwbCode, "bench");
            var row = new PeriodReturn(Period, area.HwbCode, area.HwbName, area.Region, area.County, id, SubmissionStatus.Accepted, DateTimeOffset.UnixEpoch, id, DateTimeOffset.UnixEpoch, [], figures, null)
            {
                SignOff = new SignOffProgress(area.HwbCode.EndsWith('0') ? SubmissionStatus.SignedOff : SubmissionStatus.Accepted, 1, 3),
            };
            var lines = figures.Partners.Select(p => new ContributionLine(Period, p.Key + area.HwbCode, p.Name, p.Kind, area.HwbCode, p.Figures)).ToList();
            await tables.SavePeriodReturnAsync(row, lines, [], CancellationToken.None);
        }

        // Signed in as a person is: the sign-in page's anti-forgery token, then the key.
        var page = await _browser.GetStringAsync(new Uri("/sign-in", UriKind.Relative));
        var token = Token().Match(page);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__bc_af"] = token.Groups[1].Value, ["key"] = ManagerKey, ["returnUrl"] = "/" });
        using var signedIn = await _browser.PostAsync(new Uri("/sign-in", UriKind.Relative), form);
        if (signedIn.StatusCode != System.Net.HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Signing in answered {signedIn.StatusCode}.");
        }

        if (await DashboardPage() < 10_000 || await AggregatesCall() < 10_000)
        {
            throw new InvalidOperationException("The dashboard or the aggregates answer is smaller than 153 HWBs make.");
        }
    }

    /// <summary>A reference folder of 153 HWBs in one region, with the sample calendar.</summary>
    private static string WriteReference()
    {
        var folder = Directory.CreateTempSubdirectory("bench-reference-").FullName;
        var areas = new StringBuilder("hwb_code,hwb_name,county,region\n");
        for (var i = 0; i < Hwbs; i++)
        {
            areas.Append(CultureInfo.InvariantCulture, $"E06{100_000 + i},Benchmark board {i},County {i / 3},{Region}\n");
        }

        File.WriteAllText(Path.Combine(folder, ReferenceData.AreasFile), areas.ToString());
        File.WriteAllText(Path.Combine(folder, ReferenceData.PartnersFile), "partner_code,partner_name,partner_type,hwb_code\n");
        File.WriteAllText(Path.Combine(folder, ReferenceData.MinimumsFile), "financial_year,hwb_code,partner_code,minimum_contribution_gbp,source\n");
        foreach (var file in new[] { "deadlines.csv", "bank-holidays.csv" })
        {
            File.Copy(Path.Combine(Paths.Reference, file), Path.Combine(folder, file));
        }

        return folder;
    }

    [GeneratedRegex("name=\"__bc_af\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    /// <summary>The standalone app with a regional manager's key, its schedule taken out.</summary>
    private sealed class App : WebApplicationFactory<global::Program>
    {
        private readonly string _connection;
        private readonly string _reference;

        public App(string connection, string reference)
        {
            // The content root, which the factory cannot work out from a benchmark's build output (see QuarterApp).
            Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_BETTERCARE_STANDALONE", Paths.Standalone);
            _connection = connection;
            _reference = reference;
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            var (connection, reference) = (_connection, _reference);
            builder.UseSetting("AzureWebJobsStorage", connection);
            builder.UseSetting("BetterCare:ReferenceDirectory", reference);
            builder.UseSetting("BetterCare:ApiKeys:0:Key", ManagerKey);
            builder.UseSetting("BetterCare:ApiKeys:0:Name", "Benchmark manager");
            builder.UseSetting("BetterCare:ApiKeys:0:Role", "RegionalManager");
            builder.UseSetting("BetterCare:ApiKeys:0:Scope", Region);
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            builder.ConfigureTestServices(services =>
            {
                services.Remove(services.Single(d => d.ImplementationType == typeof(CronScheduler)));
                services.AddSingleton(sp => new AzureReturnTables(sp.GetRequiredService<StorageClients>()));
            });
        }
    }

    private sealed class DashboardConfig : ManualConfig
    {
        public DashboardConfig()
        {
            Add(DefaultConfig.Instance);
            UnionRule = ConfigUnionRule.AlwaysUseLocal;
            AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithWarmupCount(3).WithIterationCount(15).WithId("Dashboard"));
        }
    }
}
