using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using BetterCare.Returns.Reading;

namespace BetterCare.Benchmarks;

/// <summary>
/// What reading costs in memory, each measured in a process of its own (so the benchmark's own
/// memory is not counted), as the kernel's high-water mark of its resident set (managed and
/// native). The baseline is a bare process that loads the same code and reads nothing. The worst
/// file is the largest the reader still accepts (<see cref="HostileFiles"/>). The floods run the
/// standalone app and upload one file 16 times at once.
/// </summary>
[Config(typeof(HostileConfig))]
public class HostileReadBenchmarks
{
    private static readonly ConcurrentDictionary<string, ConcurrentBag<(long Peak, long After)>> Peaks = new(StringComparer.Ordinal);

    private string _folder = null!;

    [GlobalSetup]
    public void Setup()
    {
        _folder = Directory.CreateTempSubdirectory("hostile-").FullName;
        HostileFiles.Worst(_folder, ReaderLimits.Default);
        foreach (var sample in new[] { SampleReturns.Typical, SampleReturns.LargeSchemes })
        {
            System.IO.File.WriteAllBytes(Path.Combine(_folder, sample + ".xlsx"), SampleReturns.Bytes(sample));
        }
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_folder, recursive: true);

    [Benchmark(Baseline = true, Description = "bare process, reads nothing")]
    public void Bare() => Probe(nameof(Bare), ReadProbe.Flag);

    [Benchmark(Description = "read a typical return")]
    public void Typical() => Probe(nameof(Typical), ReadProbe.Flag, FileOf(SampleReturns.Typical));

    [Benchmark(Description = "read a return of 9,900 schemes")]
    public void LargeSchemes() => Probe(nameof(LargeSchemes), ReadProbe.Flag, FileOf(SampleReturns.LargeSchemes));

    [Benchmark(Description = "read the worst file within the limits")]
    public void Worst() => Probe(nameof(Worst), ReadProbe.Flag, FileOf("worst"));

    [Benchmark(Description = "app: 16 typical uploads at once")]
    public void FloodTypical() => Probe(nameof(FloodTypical), FloodProbe.Flag, FileOf(SampleReturns.Typical), "16");

    [Benchmark(Description = "app: 16 worst uploads at once")]
    public void FloodWorst() => Probe(nameof(FloodWorst), FloodProbe.Flag, FileOf("worst"), "16");

    private string FileOf(string name) => Path.Combine(_folder, name + ".xlsx");

    private static void Probe(string name, params string[] args)
    {
        // This same program, as it was started: through the dotnet host with its assembly, or as its own executable.
        var host = Environment.ProcessPath!;
        var start = new ProcessStartInfo(host) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
        {
            start.ArgumentList.Add(typeof(HostileReadBenchmarks).Assembly.Location);
        }
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        var line = output.Split('\n').LastOrDefault(l => l.StartsWith("peak=", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"The {name} probe said nothing of its memory (exit {process.ExitCode}): {error.Result}");
        var fields = line.Split(' ').Select(f => f.Split('=')).ToDictionary(f => f[0], f => f[1], StringComparer.Ordinal);
        var peak = long.Parse(fields["peak"], CultureInfo.InvariantCulture);
        var after = fields.TryGetValue("after", out var a2) ? long.Parse(a2, CultureInfo.InvariantCulture) : 0;
        Peaks.GetOrAdd(name, _ => []).Add((peak, after));
    }

    private static string Mb(double bytes) => (bytes / (1024 * 1024)).ToString("F0", CultureInfo.InvariantCulture);

    private static string PeakOf(BenchmarkCase c) =>
        Peaks.TryGetValue(c.Descriptor.WorkloadMethod.Name, out var runs) && !runs.IsEmpty ? Mb(runs.Max(r => r.Peak)) : "-";

    private static string OverBare(BenchmarkCase c) =>
        Peaks.TryGetValue(c.Descriptor.WorkloadMethod.Name, out var runs) && !runs.IsEmpty && Peaks.TryGetValue(nameof(Bare), out var bare) && !bare.IsEmpty && !c.Descriptor.WorkloadMethod.Name.StartsWith("Flood", StringComparison.Ordinal)
            ? Mb(runs.Max(r => r.Peak) - bare.Max(r => r.Peak))
            : "-";

    private static string AfterOf(BenchmarkCase c) =>
        Peaks.TryGetValue(c.Descriptor.WorkloadMethod.Name, out var runs) && !runs.IsEmpty && runs.Any(r => r.After > 0) ? Mb(runs.Max(r => r.After)) : "-";

    private sealed class HostileConfig : ManualConfig
    {
        public HostileConfig()
        {
            Add(DefaultConfig.Instance);
            UnionRule = ConfigUnionRule.AlwaysUseLocal;
            AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithStrategy(RunStrategy.Monitoring).WithLaunchCount(1).WithWarmupCount(0).WithIterationCount(3).WithInvocationCount(1).WithUnrollFactor(1).WithId("Hostile"));
            AddColumn(
                new ValueColumn("Peak RSS MB", "The process's peak resident set (VmHWM), managed and native", PeakOf),
                new ValueColumn("Read cost MB", "Peak resident set above the bare process's: what reading the file took", OverBare),
                new ValueColumn("After MB", "The app's resident set once the flood is over and collected", AfterOf));
        }
    }
}
