using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace BetterCare.Pipeline.Tests.Hosting;

/// <summary>The app as the Functions host runs it (FUNCTIONS_CUSTOMHANDLER_PORT set: no trigger loops of its own).</summary>
public static class HostedApp
{
    public static PipelineApp Create(string connection) =>
        new(connection, settings: new Dictionary<string, string> { ["FUNCTIONS_CUSTOMHANDLER_PORT"] = "0" });

    /// <summary>Posts a host invocation the way the host does: <c>POST /{function}</c> with {"Data", "Metadata"}.</summary>
    public static async Task<HttpResponseMessage> InvokeAsync(HttpClient client, string function, JsonObject data, JsonObject metadata)
    {
        var body = new JsonObject { ["Data"] = data, ["Metadata"] = metadata };
        using var content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/" + function, UriKind.Relative)) { Content = content };
        request.Headers.Add("X-Azure-Functions-InvocationId", Guid.NewGuid().ToString());
        return await client.SendAsync(request).ConfigureAwait(false);
    }

    /// <summary>A queue trigger's payload: the message text JSON-serialised again, as the host sends primitives.</summary>
    public static (JsonObject Data, JsonObject Metadata) BlobPayload(string container, string name, byte[] content, string etag) =>
        (new JsonObject { ["blob"] = Convert.ToBase64String(content) },
         new JsonObject
         {
             ["name"] = JsonSerializer.Serialize(name),
             ["BlobTrigger"] = JsonSerializer.Serialize($"{container}/{name}"),
             ["Uri"] = JsonSerializer.Serialize($"http://127.0.0.1/devstoreaccount1/{container}/{name}"),
             ["Properties"] = new JsonObject { ["ETag"] = etag, ["Length"] = content.Length, ["ContentType"] = "application/octet-stream" },
             ["Metadata"] = new JsonObject(),
             ["sys"] = new JsonObject { ["MethodName"] = "InboxBlob", ["UtcNow"] = DateTimeOffset.UtcNow.ToString("O"), ["RandGuid"] = Guid.NewGuid().ToString() },
         });

    /// <summary>A timer trigger's payload: the timer object, with the last and next runs.</summary>
    public static (JsonObject Data, JsonObject Metadata) TimerPayload(string function) =>
        (new JsonObject
        {
            ["timer"] = new JsonObject
            {
                ["Schedule"] = new JsonObject { ["AdjustForDST"] = true },
                ["ScheduleStatus"] = new JsonObject
                {
                    ["Last"] = DateTimeOffset.UtcNow.AddMinutes(-5).ToString("O"),
                    ["Next"] = DateTimeOffset.UtcNow.AddMinutes(5).ToString("O"),
                    ["LastUpdated"] = DateTimeOffset.UtcNow.AddMinutes(-5).ToString("O"),
                },
                ["IsPastDue"] = false,
            },
        },
        new JsonObject { ["sys"] = new JsonObject { ["MethodName"] = function, ["UtcNow"] = DateTimeOffset.UtcNow.ToString("O"), ["RandGuid"] = Guid.NewGuid().ToString() } });

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>().ConfigureAwait(false);
}
