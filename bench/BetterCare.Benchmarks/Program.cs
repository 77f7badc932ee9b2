using BenchmarkDotNet.Running;

namespace BetterCare.Benchmarks;

public static class Program
{
    /// <summary>
    /// Runs the benchmarks in this process (no generated project per benchmark), by adding
    /// BenchmarkDotNet's <c>--inProcess</c> option when it is not given. Other options are BenchmarkDotNet's.
    /// </summary>
    public static void Main(string[] args)
    {
        // In-process, whichever job is chosen: BenchmarkDotNet's default (pilot, warm-up, then
        // measured iterations) unless --job names another, e.g. --job short.
        if (!args.Any(a => string.Equals(a, "--inProcess", StringComparison.OrdinalIgnoreCase)))
        {
            args = [.. args, "--inProcess"];
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
