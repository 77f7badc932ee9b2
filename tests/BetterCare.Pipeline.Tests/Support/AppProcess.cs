using System.Diagnostics;
using System.Net;

namespace BetterCare.Pipeline.Tests.Support;

/// <summary>
/// The app in standalone mode as a separate process (the build output of the referenced
/// BetterCare.Standalone project, next to the tests), so a test can kill it outright.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _workingDirectory;
    private readonly Uri _address;

    private AppProcess(Process process, string workingDirectory, Uri address)
    {
        _process = process;
        _workingDirectory = workingDirectory;
        _address = address;
    }

    public static async Task<AppProcess> StartAsync(string connection, IReadOnlyDictionary<string, string>? settings = null)
    {
        var app = Path.Combine(AppContext.BaseDirectory, "BetterCare.Standalone.dll");
        var port = LoopbackListener.FreePort();
        var address = new Uri(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}"));
        var workingDirectory = Directory.CreateTempSubdirectory("bettercare-app-").FullName;
        var start = new ProcessStartInfo(DotnetHost()) { ArgumentList = { app }, WorkingDirectory = workingDirectory, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment.Remove("FUNCTIONS_CUSTOMHANDLER_PORT");
        foreach (var (key, value) in PipelineApp.Settings(connection))
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        start.Environment["ASPNETCORE_URLS"] = address.ToString();
        start.Environment["BetterCare__TaskHub__MaxConcurrentActivities"] = "1";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(start) ?? throw new InvalidOperationException("The app did not start.");
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        process.OutputDataReceived += (_, e) => Keep(output, e.Data);
        process.ErrorDataReceived += (_, e) => Keep(output, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var started = new AppProcess(process, workingDirectory, address);
        using var probe = started.Client(null);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await Ready(probe))
        {
            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                await started.DisposeAsync();
                throw new InvalidOperationException($"The app at {address} did not become ready. Its last output:\n{string.Join("\n", output)}");
            }

            await Task.Delay(100);
        }

        return started;
    }

    public HttpClient Client(string? key)
    {
        var client = new HttpClient { BaseAddress = _address };
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
        }

        return client;
    }

    /// <summary>Kills the process and its children at once: no shutdown, no finally blocks.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }
        finally
        {
            _process.Dispose();
            try
            {
                Directory.Delete(_workingDirectory, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    /// <summary>Keeps the last lines the app wrote, to say why it did not start.</summary>
    private static void Keep(System.Collections.Concurrent.ConcurrentQueue<string> output, string? line)
    {
        if (line is null)
        {
            return;
        }

        output.Enqueue(line);
        while (output.Count > 40)
        {
            output.TryDequeue(out _);
        }
    }

    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    private static async Task<bool> Ready(HttpClient client)
    {
        try
        {
            using var response = await client.GetAsync(new Uri("/", UriKind.Relative));
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }
}
