using System.Diagnostics;
using System.Reflection;

namespace BetterCare.Infrastructure.Tests;

/// <summary>What one run of the Bicep CLI did.</summary>
public sealed record BicepResult(int ExitCode, string StandardOutput, string StandardError)
{
    /// <summary>Exit code 0 and nothing on stderr: Bicep writes every error and warning there.</summary>
    public bool IsClean => ExitCode == 0 && string.IsNullOrWhiteSpace(StandardError);

    public override string ToString() => $"exit code {ExitCode}{Environment.NewLine}stderr:{Environment.NewLine}{StandardError}";
}

/// <summary>
/// The Bicep CLI from the NuGet package the test project downloads (PackageDownload). The packages
/// folder, the package and its version come from the build, written into this assembly's metadata.
/// </summary>
public static class BicepCli
{
    private static readonly Lazy<string> Executable = new(Locate);

    public static string Path => Executable.Value;

    public static async Task<BicepResult> RunAsync(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo(Path)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Plain diagnostics, without colour codes.
        start.Environment["NO_COLOR"] = "1";

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {Path}.");
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"bicep {string.Join(' ', arguments)} did not finish in time.");
        }

        return new BicepResult(process.ExitCode, await stdout, await stderr);
    }

    private static string Locate()
    {
        var packageRoot = Metadata("NuGetPackageRoot");
        if (string.IsNullOrEmpty(packageRoot))
        {
            packageRoot = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
                ?? System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        }

        var package = Metadata("BicepCliPackage") ?? throw new InvalidOperationException("The build did not record the Bicep CLI package.");
        var version = Metadata("BicepCliVersion") ?? throw new InvalidOperationException("The build did not record the Bicep CLI version.");
        var path = System.IO.Path.Combine(packageRoot, package.ToLowerInvariant(), version, "tools", "bicep");
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The Bicep CLI is not at {path}; restore the test project (it downloads {package} {version}).", path);
        }

        // NuGet does not always keep the executable bit when it extracts a package.
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException($"{package} is the Linux x64 build of the Bicep CLI.");
        }

        var mode = File.GetUnixFileMode(path);
        const UnixFileMode execute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        if ((mode & UnixFileMode.UserExecute) == 0)
        {
            File.SetUnixFileMode(path, mode | execute);
        }

        return path;
    }

    private static string? Metadata(string key) =>
        typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == key)?.Value;
}
