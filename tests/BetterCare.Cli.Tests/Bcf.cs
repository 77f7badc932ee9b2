using BetterCare.Cli;

namespace BetterCare.Cli.Tests;

/// <summary>Runs the bcf command line in-process and captures what a person would see.</summary>
public sealed record BcfRun(int ExitCode, string Out, string Error)
{
    public static BcfRun Of(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = BcfCommand.Run(args, stdout, stderr);
        return new BcfRun(code, stdout.ToString(), stderr.ToString());
    }
}

/// <summary>A temporary folder deleted after the test.</summary>
public sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("bcf-cli-").FullName;

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
