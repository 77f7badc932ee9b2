using BenchmarkDotNet.Running;

namespace BetterCare.Benchmarks;

public static class Program
{
    /// <summary>
    /// Runs the benchmarks in this process (no generated project per benchmark), by adding
    /// BenchmarkDotNet's <c>--inProcess</c> option when it is not given. Other options are BenchmarkDotNet's.
    /// </summary>
    public static int Main(string[] args)
    {
        // A child process of HostileReadBenchmarks: read one file (or none) and report its peak memory.
        if (args.Length > 0 && args[0] == ReadProbe.Flag)
        {
            return ReadProbe.Run(args.Length > 1 ? args[1] : null);
        }

        // A child process of HostileReadBenchmarks: the app sent one file many times at once.
        if (args.Length > 2 && args[0] == FloodProbe.Flag)
        {
            return FloodProbe.RunAsync(args[1], int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture)).GetAwaiter().GetResult();
        }

        // Writes the worst file the reader still reads, to look at or upload by hand.
        if (args.Length > 1 && args[0] == "--write-worst")
        {
            Console.WriteLine(HostileFiles.Worst(args[1], BetterCare.Returns.Reading.ReaderLimits.Default));
            foreach (var sample in new[] { SampleReturns.Typical, SampleReturns.LargeSchemes })
            {
                var path = Path.Combine(args[1], sample + ".xlsx");
                File.WriteAllBytes(path, SampleReturns.Bytes(sample));
                Console.WriteLine(path);
            }

            return 0;
        }

        // In-process, whichever job is chosen: BenchmarkDotNet's default (pilot, warm-up, then
        // measured iterations) unless --job names another, e.g. --job short.
        if (!args.Any(a => string.Equals(a, "--inProcess", StringComparison.OrdinalIgnoreCase)))
        {
            args = [.. args, "--inProcess"];
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
