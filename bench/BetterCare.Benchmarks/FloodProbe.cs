using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using BetterCare.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace BetterCare.Benchmarks;

/// <summary>
/// A child process of <see cref="HostileReadBenchmarks"/>: the standalone app in this process on an
/// Azurite of its own, sent one workbook <c>count</c> times at once through the upload API, each
/// followed to its final state. It reports the process's peak resident memory over the flood and
/// what it holds once the flood is over and garbage has been collected.
/// </summary>
public static class FloodProbe
{
    public const string Flag = "--probe-flood";

    public static async Task<int> RunAsync(string path, int count)
    {
        await using var azurite = await Azurite.StartAsync();
        var finals = new FinalStates();
        await using var app = new QuarterApp(azurite.ConnectionString, Paths.Reference, finals, "Flood");
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", QuarterApp.AdminKey);
        var bytes = await File.ReadAllBytesAsync(path);

        // Warm: one clean return through the app, so its start-up is not counted as the flood's.
        var warm = await UploadAsync(client, System.IO.File.ReadAllBytes(path.Replace(Path.GetFileName(path), "Typical.xlsx", StringComparison.Ordinal)));
        await finals.WaitForAsync([warm], TimeSpan.FromMinutes(2));
        Collect();
        var before = ReadProbe.PeakResidentBytes();
        var idle = ResidentBytes();

        var ids = await Task.WhenAll(Enumerable.Range(0, count).Select(_ => UploadAsync(client, bytes)));
        await finals.WaitForAsync(ids, TimeSpan.FromMinutes(10));
        var peak = ReadProbe.PeakResidentBytes();
        Collect();
        await Task.Delay(TimeSpan.FromSeconds(2));
        Collect();
        var after = ResidentBytes();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"peak={peak} idle={idle} after={after} warmpeak={before} uploads={ids.Length}"));
        return 0;
    }

    private static async Task<string> UploadAsync(HttpClient client, byte[] bytes)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        form.Add(file, "file", "flood.xlsx");
        using var response = await client.PostAsync(new Uri("/api/returns", UriKind.Relative), form);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("submissionId").GetString()!;
    }

    private static void Collect()
    {
        GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
    }

    /// <summary>The process's resident set now (VmRSS), in bytes.</summary>
    private static long ResidentBytes()
    {
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
    }
}
