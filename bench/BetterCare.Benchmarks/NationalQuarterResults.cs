using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace BetterCare.Benchmarks;

/// <summary>
/// One pipeline iteration's storage requests (in all, by operation and by the part of the
/// pipeline that sent them), the process's working set,
/// and the CPU time Azurite and this process (the app and the benchmark's client) used.
/// </summary>
internal sealed record PipelineRun(
    long Requests, IReadOnlyDictionary<string, long> ByOperation, IReadOnlyDictionary<string, long> ByPart, long IdleWorkingSet, long PeakWorkingSet, int StepConcurrency, TimeSpan AzuriteCpu, TimeSpan AppCpu, IReadOnlyDictionary<string, long> EngineByOperation)
{
    public double PerSubmission => (double)Requests / NationalQuarter.Count;
}

/// <summary>The pipeline iterations' counts, for the summary's columns and a markdown file beside BenchmarkDotNet's results.</summary>
internal static class NationalQuarterResults
{
    private const double MB = 1024 * 1024;

    private static readonly ConcurrentQueue<PipelineRun> Runs = new();
    private static readonly ConcurrentQueue<long> BareRuns = new();
    private static readonly ConcurrentQueue<IReadOnlyDictionary<string, long>> BareByOperation = new();
    private static (double App, double Engine)? _idle;
    private static IReadOnlyList<TimeSpan> _firstResponses = [];

    /// <summary>The parts in the order a submission goes through them.</summary>
    private static readonly string[] PartOrder = ["Upload", "Inbox", "Process", "Aggregate", "Notify", "SignOff", "Polling", "Engine"];

    public static void Add(PipelineRun run) => Runs.Enqueue(run with { EngineByOperation = HubNeutral(run.EngineByOperation) });

    /// <summary>One bare-engine iteration's storage requests.</summary>
    public static void AddBare(long requests, IReadOnlyDictionary<string, long> byOperation)
    {
        BareRuns.Enqueue(requests);
        BareByOperation.Enqueue(HubNeutral(byOperation));
    }

    /// <summary>Each iteration's hub has its own name ("Quarter3History", "bare2-control-00"): counted as one "{hub}".</summary>
    private static Dictionary<string, long> HubNeutral(IReadOnlyDictionary<string, long> byOperation) =>
        byOperation
            .GroupBy(kv => System.Text.RegularExpressions.Regex.Replace(kv.Key, "(?i)(?<= )(quarter|bare)[0-9]+", "{hub}"), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(kv => kv.Value), StringComparer.Ordinal);

    public static void Idle(double appPerSecond, double enginePerSecond) => _idle = (appPerSecond, enginePerSecond);

    public static void FirstResponses(IReadOnlyList<TimeSpan> times) => _firstResponses = times;

    /// <summary>The bare engine's requests per orchestration.</summary>
    public static string BareRequestsPerOrchestration() =>
        BareRuns.IsEmpty ? "-" : (BareRuns.Average() / NationalQuarter.Count).ToString("F1", CultureInfo.InvariantCulture);

    /// <summary>Every iteration's requests per submission, warm-up included (they differ little).</summary>
    public static string RequestsPerSubmission() =>
        Runs.IsEmpty ? "-" : Runs.Average(r => r.PerSubmission).ToString("F1", CultureInfo.InvariantCulture);

    /// <summary>The same without the Notify step's requests: from upload to aggregated.</summary>
    public static string RequestsToAggregated() =>
        Runs.IsEmpty ? "-" : Runs.Average(r => (double)(r.Requests - r.ByPart.GetValueOrDefault("Notify") - r.ByPart.GetValueOrDefault("SignOff")) / NationalQuarter.Count).ToString("F1", CultureInfo.InvariantCulture);

    public static string PeakWorkingSetMb() =>
        Runs.IsEmpty ? "-" : (Runs.Max(r => r.PeakWorkingSet) / MB).ToString("F0", CultureInfo.InvariantCulture);

    public static void Write(string folder)
    {
        var runs = Runs.ToList();
        var n = NationalQuarter.Count;
        var text = new StringBuilder();
        if (!BareRuns.IsEmpty && runs.Count > 0)
        {
            var bare = BareRuns.Average() / n;
            var product = runs.Average(r => r.PerSubmission);
            text.AppendLine(CultureInfo.InvariantCulture,
                $"Storage requests per submission: product {product:F1} (app {runs.Average(r => (double)(r.Requests - r.ByPart.GetValueOrDefault("Engine")) / n):F1}, engine {runs.Average(r => (double)r.ByPart.GetValueOrDefault("Engine") / n):F1}); bare engine {bare:F1} per orchestration; product less bare {product - bare:F1} (aim: at most 15).");
            text.AppendLine();
        }

        if (_idle is { } idle)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"Idle, a minute after the last work: {idle.App + idle.Engine:F2} storage requests a second ({idle.App:F2} the app's inbox watcher and timers, {idle.Engine:F2} the engine's polling and leases).");
            text.AppendLine();
        }

        if (_firstResponses.Count > 0)
        {
            var sorted = _firstResponses.Order().ToList();
            var p95 = sorted[(int)Math.Ceiling(0.95 * sorted.Count) - 1];
            text.AppendLine(CultureInfo.InvariantCulture,
                $"Upload to Accepted at idle ({sorted.Count} uploads, one at a time, 4 s apart): median {sorted[sorted.Count / 2].TotalMilliseconds:F0} ms, p95 {p95.TotalMilliseconds:F0} ms, max {sorted[^1].TotalMilliseconds:F0} ms.");
            text.AppendLine();
        }

        foreach (var (who, warnings) in new[] { ("bare engine", EngineWarnings.Bare), ("product", EngineWarnings.Product) })
        {
            var events = warnings.Counts.Count == 0 ? "none" : string.Join(", ", warnings.Counts.OrderByDescending(c => c.Value).Select(c => $"{c.Key} {c.Value}"));
            text.AppendLine(CultureInfo.InvariantCulture, $"The {who}'s engine warnings and errors over the whole run, by event: {events}.");
            text.AppendLine();
        }

        if (runs.Count == 0)
        {
            Save(folder, text);
            return;
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"Storage requests per submission, by operation (mean of {runs.Count} pipeline iterations, warm-up included; {n} submissions each):");
        text.AppendLine();
        text.AppendLine("| operation | per submission | per iteration |");
        text.AppendLine("| --- | ---: | ---: |");
        foreach (var op in runs.SelectMany(r => r.ByOperation.Keys).Distinct().OrderByDescending(k => runs.Average(r => r.ByOperation.GetValueOrDefault(k))))
        {
            var mean = runs.Average(r => r.ByOperation.GetValueOrDefault(op));
            text.AppendLine(CultureInfo.InvariantCulture, $"| `{op}` | {mean / n:F2} | {mean:F0} |");
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"| **all** | **{runs.Average(r => r.PerSubmission):F2}** | **{runs.Average(r => r.Requests):F0}** |");
        text.AppendLine();
        text.AppendLine("By the part of the pipeline that sent them (a step's part is its activity; SignOff: the sign-off orchestration's first activity, the signature rows, the requests and the Requested line; Polling: the inbox watcher and the timers):");
        text.AppendLine();
        text.AppendLine("| part | per submission | per iteration |");
        text.AppendLine("| --- | ---: | ---: |");
        foreach (var part in PartOrder.Where(p => runs.Any(r => r.ByPart.ContainsKey(p))).Concat(runs.SelectMany(r => r.ByPart.Keys).Distinct().Except(PartOrder).Order(StringComparer.Ordinal)))
        {
            var mean = runs.Average(r => r.ByPart.GetValueOrDefault(part));
            text.AppendLine(CultureInfo.InvariantCulture, $"| {part} | {mean / n:F2} | {mean:F0} |");
        }

        var toAggregated = runs.Average(r => r.Requests - r.ByPart.GetValueOrDefault("Notify") - r.ByPart.GetValueOrDefault("SignOff"));
        text.AppendLine(CultureInfo.InvariantCulture, $"| **all but Notify and SignOff** (upload to aggregated) | **{toAggregated / n:F2}** | **{toAggregated:F0}** |");
        text.AppendLine();
        var bareRuns = BareByOperation.ToList();
        text.AppendLine("The engine's requests per orchestration (bare) and per submission (product), by operation:");
        text.AppendLine();
        text.AppendLine("| operation | bare engine | product's engine | more |");
        text.AppendLine("| --- | ---: | ---: | ---: |");
        foreach (var op in runs.SelectMany(r => r.EngineByOperation.Keys).Concat(bareRuns.SelectMany(b => b.Keys)).Distinct().OrderByDescending(k => runs.Average(r => r.EngineByOperation.GetValueOrDefault(k))))
        {
            var product = runs.Average(r => r.EngineByOperation.GetValueOrDefault(op)) / n;
            var bare = bareRuns.Count == 0 ? 0 : bareRuns.Average(b => b.GetValueOrDefault(op)) / n;
            text.AppendLine(CultureInfo.InvariantCulture, $"| `{op}` | {bare:F2} | {product:F2} | {product - bare:F2} |");
        }

        text.AppendLine();
        text.AppendLine("| iteration | requests | per submission | Azurite CPU (ms) | app + client CPU (ms) | working set before (MB) | peak working set during (MB) | peak - before, per return in flight (MB) |");
        text.AppendLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        for (var i = 0; i < runs.Count; i++)
        {
            var r = runs[i];
            var inFlight = NationalQuarterBenchmarks.UploadConcurrency + r.StepConcurrency;
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {i + 1} | {r.Requests} | {r.PerSubmission:F2} | {r.AzuriteCpu.TotalMilliseconds:F0} | {r.AppCpu.TotalMilliseconds:F0} | {r.IdleWorkingSet / MB:F0} | {r.PeakWorkingSet / MB:F0} | {(r.PeakWorkingSet - r.IdleWorkingSet) / MB / inFlight:F1} |");
        }

        Save(folder, text);
    }

    private static void Save(string folder, StringBuilder text)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "NationalQuarter-requests.md");
        File.WriteAllText(path, text.ToString());
        Console.WriteLine(text.ToString());
        Console.WriteLine("// NationalQuarter: written to " + path);
    }
}

/// <summary>
/// The benchmark's one job (few iterations: one is seconds of work), in-process so that the
/// columns can read what the iterations counted, and its two extra columns. It replaces the job
/// the command line would add, so the pipeline never runs with BenchmarkDotNet's default job.
/// </summary>
internal sealed class NationalQuarterConfig : ManualConfig
{
    public NationalQuarterConfig()
    {
        Add(DefaultConfig.Instance);
        UnionRule = ConfigUnionRule.AlwaysUseLocal;
        AddJob(Job.Default
            .WithToolchain(new InProcessEmitToolchain(TimeSpan.FromMinutes(20), logOutput: true))
            .WithLaunchCount(1)
            .WithWarmupCount(1)
            .WithIterationCount(2)
            .WithInvocationCount(1)
            .WithUnrollFactor(1)
            .WithId("NationalQuarter"));
        AddColumn(
            RunColumn("Req/submission", "Storage requests per submission (app and engine, idle polls included); for the bare engine, per orchestration", NationalQuarterResults.RequestsPerSubmission, NationalQuarterResults.BareRequestsPerOrchestration),
            RunColumn("Req to aggregated", "The same but for the Notify step's: from upload to aggregated", NationalQuarterResults.RequestsToAggregated),
            RunColumn("Peak WS MB", "Peak working set of the process during a pipeline iteration", NationalQuarterResults.PeakWorkingSetMb));
    }

    /// <summary>A column for the pipeline benchmark (and, where it has one, the bare engine's figure), read from <see cref="NationalQuarterResults"/>.</summary>
    private static ValueColumn RunColumn(string name, string legend, Func<string> value, Func<string>? bare = null) =>
        new(name, legend, c => c.Descriptor.WorkloadMethod.Name switch
        {
            nameof(NationalQuarterBenchmarks.Pipeline) => value(),
            nameof(NationalQuarterBenchmarks.BareEngine) when bare is not null => bare(),
            _ => "-",
        });
}

/// <summary>Samples the process's working set every 20 ms until stopped; gives the largest seen.</summary>
internal sealed class MemorySampler
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task<long> _sampling;

    public MemorySampler() => _sampling = Task.Run(SampleAsync);

    public long Stop()
    {
        _stop.Cancel();
        var peak = _sampling.GetAwaiter().GetResult();
        _stop.Dispose();
        return peak;
    }

    private async Task<long> SampleAsync()
    {
        var peak = Environment.WorkingSet;
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(20));
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token).ConfigureAwait(false))
            {
                peak = Math.Max(peak, Environment.WorkingSet);
            }
        }
        catch (OperationCanceledException)
        {
        }

        return Math.Max(peak, Environment.WorkingSet);
    }
}
