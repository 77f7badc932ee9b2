using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using BenchmarkDotNet.Attributes;
using BetterCare.App;
using BetterCare.Infrastructure;
using BetterCare.Pipeline.Workflow;
using BetterCare.Returns.Reference;
using BetterCare.Returns.Validation;
using BetterCare.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BetterCare.Benchmarks;

/// <summary>
/// A national quarter (153 returns) through the standalone host against a bare orchestration of the
/// same shape (three activities that do nothing) on the same engine, settings and Azurite, in the
/// same run. The product runs in this process (the standalone host, its engine and loops running);
/// each iteration uploads all 153 through <c>POST /api/returns</c>, 8 at a time, and ends when every
/// submission has reached its final state. The bare run starts 153 instances, 8 at a time, and ends
/// when each one's last activity has run. After the iterations: the storage requests per second of
/// the idle product a minute after its last work, and its first response (upload to Accepted) at idle.
/// </summary>
[Config(typeof(NationalQuarterConfig))]
public class NationalQuarterBenchmarks
{
    public const int UploadConcurrency = 8;

    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long either benchmark waits after its last instance's end is seen before its requests are
    /// counted: that end is seen inside the last activity, and the activity's completion and the
    /// episode that takes it (the sign-off's timer set) follow it. Both are counted alike, and long
    /// enough for the bare engine's backlog at the end (at 300 ms it missed the last episode of a
    /// third of its instances); the idle polls in it are a few a second.
    /// </summary>
    private static readonly TimeSpan Settling = TimeSpan.FromSeconds(2);

    private const int FirstResponseSamples = 20;

    private IReadOnlyList<(string FileName, byte[] Bytes)> _files = [];
    private ReturnValidator _validator = null!;
    private StorageRequestCounter _engineRequests = null!;
    private StorageRequestCounter _bareRequests = null!;
    private BetterCare.DurableEngine.DurableEngine _bareEngine = null!;
    private BetterCare.DurableEngine.TaskHub _bareHub = null!;
    private BetterCare.DurableEngine.TaskHubOptions _hubOptions = null!;
    private int _hubs;
    private BetterCare.DurableEngine.TaskHubWorkflowClient _bareClient = null!;
    private Azurite _azurite = null!;
    private QuarterApp _app = null!;
    private HttpClient _client = null!;
    private StorageClients _storage = null!;
    private FinalStates _finals = null!;
    private MemorySampler? _sampler;
    private long _idleWorkingSet;
    private TimeSpan _azuriteCpu;
    private TimeSpan _appCpu;
    private int _stepConcurrency;
    private ActivityListener? _tracing;
    private Microsoft.Extensions.Logging.ILoggerFactory? _bareLogging;

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    [GlobalCleanup]
    public void Cleanup() => CleanupAsync().GetAwaiter().GetResult();

    /// <summary>
    /// Each iteration of either benchmark runs on a task hub of its own, made for it, and the last
    /// one's is deleted: Azurite finds rows and messages by scanning, so a hub left to fill up with
    /// earlier iterations' histories makes every request slower (Azure Storage does not), until
    /// messages outwait their visibility timeout and the engine repeats work.
    /// </summary>
    [IterationSetup(Target = nameof(BareEngine))]
    public void FreshBareRun() => FreshBareRunAsync().GetAwaiter().GetResult();

    /// <summary>153 orchestrations of three activities that do nothing, started 8 at a time, to their last activity.</summary>
    [Benchmark(Baseline = true, Description = "Bare engine, 153 orchestrations of the same shape, no-op activities")]
    public async Task<int> BareEngine()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var ids = Enumerable.Range(0, NationalQuarter.Count).Select(i => $"bare-{run}-{i:D3}").ToList();
        using var gate = new SemaphoreSlim(UploadConcurrency);
        await Task.WhenAll(ids.Select(async id =>
        {
            await gate.WaitAsync().ConfigureAwait(false);
            try
            {
                await _bareClient.StartAsync(nameof(BareOrchestrator), id, id, CancellationToken.None).ConfigureAwait(false);
            }
            finally
            {
                gate.Release();
            }
        })).ConfigureAwait(false);
        await BareRuns.WaitForAsync(ids, GiveUpAfter).ConfigureAwait(false);
        return ids.Count;
    }

    [IterationCleanup(Target = nameof(BareEngine))]
    public void SettleBare()
    {
        Thread.Sleep(Settling);
        NationalQuarterResults.AddBare(_bareRequests.Count, _bareRequests.ByOperation);
        StopBareAsync().GetAwaiter().GetResult();
    }

    [IterationSetup(Target = nameof(Pipeline))]
    public void FreshPeriod() => FreshPeriodAsync().GetAwaiter().GetResult();

    /// <summary>From the first upload to the last submission's final state.</summary>
    [Benchmark(Description = "Pipeline, 153 uploads to final")]
    public async Task<int> Pipeline()
    {
        using var gate = new SemaphoreSlim(UploadConcurrency);
        var uploads = _files.Select(async f =>
        {
            await gate.WaitAsync().ConfigureAwait(false);
            try
            {
                return await UploadAsync(f.FileName, f.Bytes).ConfigureAwait(false);
            }
            finally
            {
                gate.Release();
            }
        });
        var ids = await Task.WhenAll(uploads).ConfigureAwait(false);
        await _finals.WaitForAsync(ids, GiveUpAfter).ConfigureAwait(false);
        return ids.Length;
    }

    [IterationCleanup(Target = nameof(Pipeline))]
    public void Settle() => SettleAsync().GetAwaiter().GetResult();

    private async Task SetupAsync()
    {
        var reference = ReferenceData.Load(Paths.Reference);
        _validator = new ReturnValidator(reference);
        _files = NationalQuarter.Files(reference);

        // Every one readable and free of errors, so each ends Accepted.
        var invalid = _files.Where(f => !_validator.Check(new MemoryStream(f.Bytes, writable: false), f.FileName).Report.IsValid).ToList();
        if (invalid.Count > 0)
        {
            throw new InvalidOperationException($"{invalid.Count} of the generated returns have errors, e.g. {invalid[0].FileName}.");
        }

        // Listening to the pipeline's trace lets the request counter say which part sent each request.
        _tracing = new ActivityListener
        {
            ShouldListenTo = source => source.Name == PipelineTracing.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
        };
        ActivitySource.AddActivityListener(_tracing);

        _azurite = await Azurite.StartAsync().ConfigureAwait(false);
        _finals = new FinalStates();
        await StartAppAsync().ConfigureAwait(false);
        _hubOptions = _app.Services.GetRequiredService<BetterCare.DurableEngine.TaskHubOptions>();
        _bareRequests = new StorageRequestCounter();
        _bareLogging = Microsoft.Extensions.Logging.LoggerFactory.Create(logging => logging.AddProvider(EngineWarnings.Bare));
        var settings = _app.Services.GetRequiredService<IOptions<BetterCareSettings>>().Value;
        _stepConcurrency = _app.Services.GetRequiredService<BetterCare.DurableEngine.TaskHubOptions>().MaxConcurrentActivities;
        Console.WriteLine(
            $"// NationalQuarter: {_files.Count} returns of {_files.Average(f => f.Bytes.Length) / 1024:F1} KB; app settings: " +
            $"InboxPollInterval {settings.InboxPollInterval}, activities at once {_stepConcurrency}; " +
            $"uploads {UploadConcurrency} at a time");
    }

    /// <summary>The app in this process on a task hub of its own (the previous app stopped and its hub deleted); its trigger loops running.</summary>
    private async Task StartAppAsync()
    {
        if (_hubs > 0)
        {
            var hub = _app.Services.GetRequiredService<BetterCare.DurableEngine.TaskHub>();
            _client.Dispose();
            await _app.DisposeAsync().ConfigureAwait(false);
            await hub.DeleteAsync().ConfigureAwait(false);
        }

        _app = new QuarterApp(_azurite.ConnectionString, Paths.Reference, _finals, $"Quarter{++_hubs}");
        _client = _app.CreateClient(); // starts the app: storage created, trigger loops running
        _client.DefaultRequestHeaders.Add("X-Api-Key", QuarterApp.AdminKey);
        _storage = _app.Services.GetRequiredService<StorageClients>();
        _engineRequests = _app.Services.GetRequiredService<BetterCare.Standalone.EngineRequests>().Counter;
    }

    /// <summary>The bare engine on a hub of its own with the product's task hub settings, its own request counter.</summary>
    private async Task FreshBareRunAsync()
    {
        var bareOptions = new BetterCare.DurableEngine.TaskHubOptions
        {
            Name = $"Bare{++_hubs}",
            PartitionCount = _hubOptions.PartitionCount,
            VisibilityTimeout = _hubOptions.VisibilityTimeout,
            MaxQueuePollingInterval = _hubOptions.MaxQueuePollingInterval,
            LeaseInterval = _hubOptions.LeaseInterval,
            MaxConcurrentActivities = _hubOptions.MaxConcurrentActivities,
            MaxConcurrentOrchestrations = _hubOptions.MaxConcurrentOrchestrations,
            MaximumTimerInterval = _hubOptions.MaximumTimerInterval,
        };
        var logging = _bareLogging!;
        _bareHub = new BetterCare.DurableEngine.TaskHub(_azurite.ConnectionString, bareOptions, logging, _bareRequests);
        _bareClient = new BetterCare.DurableEngine.TaskHubWorkflowClient(_bareHub, logging);
        var bareServices = new ServiceCollection().AddSingleton<BetterCare.Pipeline.Ports.IWorkflowClient>(_bareClient).BuildServiceProvider();
        _bareEngine = new BetterCare.DurableEngine.DurableEngine(_bareHub, bareServices, logging, [typeof(BareOrchestrator), typeof(BareSignOffOrchestrator)], [typeof(BareStep)]);
        await _bareEngine.StartAsync(CancellationToken.None).ConfigureAwait(false);
        _bareRequests.Reset();
    }

    private async Task StopBareAsync()
    {
        await _bareEngine.StopAsync(CancellationToken.None).ConfigureAwait(false);
        await _bareHub.DeleteAsync().ConfigureAwait(false);
    }

    private async Task FreshPeriodAsync()
    {
        // A new app on a new hub for each iteration, started here: an app left idle on its hub while
        // the bare engine loaded Azurite for minutes once never took up its control queue again.
        await StartAppAsync().ConfigureAwait(false);
        // The previous iteration's rows and archived files go, so every iteration files 153 first
        // returns into a store as empty as a new quarter's. (Azurite looks rows up by scanning its
        // tables, so a store left to grow makes each iteration slower than the one before; Azure
        // Storage does not.)
        foreach (var table in StorageNames.Tables)
        {
            await _storage.Tables.DeleteTableAsync(table).ConfigureAwait(false);
            await _storage.Tables.CreateTableIfNotExistsAsync(table).ConfigureAwait(false);
        }

        var archive = _storage.Blobs.GetBlobContainerClient(StorageNames.ArchiveContainer);
        await foreach (var blob in archive.GetBlobsAsync().ConfigureAwait(false))
        {
            await archive.DeleteBlobAsync(blob.Name).ConfigureAwait(false);
        }

        var inbox = _storage.Blobs.GetBlobContainerClient(StorageNames.InboxContainer);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (await InboxHasBlobsAsync(inbox).ConfigureAwait(false))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException("The previous iteration left work in the inbox.");
            }

            await Task.Delay(100).ConfigureAwait(false);
        }

        _finals.Clear();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        _idleWorkingSet = Environment.WorkingSet;
        _sampler = new MemorySampler();
        _azuriteCpu = _azurite.ProcessorTime;
        _appCpu = Process.GetCurrentProcess().TotalProcessorTime;
        _storage.Counter.Reset();
        _engineRequests.Reset();
    }

    private static async Task<bool> InboxHasBlobsAsync(Azure.Storage.Blobs.BlobContainerClient inbox)
    {
        await foreach (var page in inbox.GetBlobsAsync().AsPages(pageSizeHint: 1).ConfigureAwait(false))
        {
            return page.Values.Count > 0;
        }

        return false;
    }

    private async Task SettleAsync()
    {
        // Count the last messages' deletes too (they follow the final save), and a few idle polls.
        await Task.Delay(Settling).ConfigureAwait(false);
        var requests = _storage.Counter.Count + _engineRequests.Count;
        var byOperation = _storage.Counter.ByOperation;
        var byPart = new Dictionary<string, long>(_storage.Counter.ByPart, StringComparer.Ordinal) { ["Engine"] = _engineRequests.Count };
        var peak = _sampler!.Stop();
        var azuriteCpu = _azurite.ProcessorTime - _azuriteCpu;
        var appCpu = Process.GetCurrentProcess().TotalProcessorTime - _appCpu;

        // Then check every HWB of the period is filed, through the API.
        var rows = await _client.GetFromJsonAsync<JsonElement>(new Uri($"/api/periods/{NationalQuarter.Period}/returns", UriKind.Relative)).ConfigureAwait(false);
        var accepted = rows.EnumerateArray().Count(r => r.GetProperty("latestStatus").GetString() == "Accepted");
        if (accepted != NationalQuarter.Count)
        {
            throw new InvalidOperationException($"{accepted} of {NationalQuarter.Count} returns are Accepted in {NationalQuarter.Period}.");
        }

        NationalQuarterResults.Add(new PipelineRun(requests, byOperation, byPart, _idleWorkingSet, peak, _stepConcurrency, azuriteCpu, appCpu, _engineRequests.ByOperation));
    }

    private async Task CleanupAsync()
    {
        await MeasureIdleAsync().ConfigureAwait(false);
        await MeasureFirstResponseAsync().ConfigureAwait(false);
        _bareLogging?.Dispose();
        Console.WriteLine($"// NationalQuarter: peak working set of the process since it started {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024)} MB");
        NationalQuarterResults.Write(Path.Combine(Directory.GetCurrentDirectory(), "BenchmarkDotNet.Artifacts", "results"));
        _client?.Dispose();
        _tracing?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync().ConfigureAwait(false);
        }

        if (_azurite is not null)
        {
            await _azurite.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>A minute after the last work, the product's storage requests per second over the next 30 s (the bare engine's are not counted).</summary>
    private async Task MeasureIdleAsync()
    {
        await Task.Delay(TimeSpan.FromMinutes(1)).ConfigureAwait(false);
        _storage.Counter.Reset();
        _engineRequests.Reset();
        var window = TimeSpan.FromSeconds(30);
        await Task.Delay(window).ConfigureAwait(false);
        NationalQuarterResults.Idle(_storage.Counter.Count / window.TotalSeconds, _engineRequests.Count / window.TotalSeconds);
    }

    /// <summary>One upload at a time, each after a quiet spell, from the request to the submission saved Accepted.</summary>
    private async Task MeasureFirstResponseAsync()
    {
        var times = new List<TimeSpan>();
        for (var i = 0; i < FirstResponseSamples; i++)
        {
            await Task.Delay(TimeSpan.FromSeconds(4)).ConfigureAwait(false);
            var (fileName, bytes) = _files[i];
            var started = Stopwatch.GetTimestamp();
            var id = await UploadAsync(fileName, bytes).ConfigureAwait(false);
            await _finals.WaitForDecisionAsync(id, GiveUpAfter).ConfigureAwait(false);
            times.Add(Stopwatch.GetElapsedTime(started, _finals.DecidedAt(id)));
        }

        NationalQuarterResults.FirstResponses(times);
    }

    private async Task<string> UploadAsync(string fileName, byte[] bytes)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        form.Add(file, "file", fileName);
        using var response = await _client.PostAsync(new Uri("/api/returns", UriKind.Relative), form).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Accepted)
        {
            throw new InvalidOperationException($"Uploading {fileName} gave {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync().ConfigureAwait(false)}");
        }

        var body = await response.Content.ReadFromJsonAsync<JsonElement>().ConfigureAwait(false);
        return body.GetProperty("submissionId").GetString()!;
    }
}
