using System.Globalization;
using BetterCare.Returns.Reference;
using BetterCare.Returns.Validation;

namespace BetterCare.Benchmarks;

/// <summary>
/// A child process that reads one workbook as the Process step does (read, parse, validate) and
/// reports its own peak resident memory (managed and native: the kernel's high-water mark), so
/// that what a read costs is measured apart from the benchmark's own memory.
/// </summary>
public static class ReadProbe
{
    public const string Flag = "--probe-read";

    /// <summary>Runs the probe: with a path it reads that file; without one it reads nothing (the bare process).</summary>
    public static int Run(string? path)
    {
        var reference = ReferenceData.Load(Paths.Reference);
        var validator = new ReturnValidator(reference);
        var findings = 0;
        if (path is not null)
        {
            using var stream = File.OpenRead(path);
            findings = validator.Check(stream, Path.GetFileName(path)).Report.Findings.Count;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"peak={PeakResidentBytes()} findings={findings}"));
        return 0;
    }

    /// <summary>The process's peak resident set (VmHWM), in bytes.</summary>
    public static long PeakResidentBytes()
    {
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
    }
}
