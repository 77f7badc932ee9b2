using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace BetterCare.Browser.Tests;

/// <summary>Uploads through the API, as the lead's tooling does, for tests about what follows an upload.</summary>
internal static class Uploads
{
    public static async Task<string> SendAsync(Site site, string key, string path)
    {
        using var client = new HttpClient { BaseAddress = site.Address };
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(await File.ReadAllBytesAsync(path));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        form.Add(file, "file", Path.GetFileName(path));
        using var response = await client.PostAsync(new Uri("/api/returns", UriKind.Relative), form);
        response.EnsureSuccessStatusCode();
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("submissionId").GetString()!;
        await Eventually.Async(
            async () => await client.GetFromJsonAsync<JsonElement>(new Uri($"/api/returns/{id}", UriKind.Relative)),
            s => s.GetProperty("status").GetString() is "Rejected" or "Failed" ||
                (s.GetProperty("step").GetString() == "Done" && s.GetProperty("history").EnumerateArray().Any(h => h.GetProperty("event").GetString() == "Requested")),
            $"submission {id} to be through its steps",
            seconds: 60);
        return id;
    }
}
