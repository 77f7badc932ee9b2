using System.Text.Json;
using System.Text.Json.Nodes;

namespace BetterCare.Functions.Functions;

/// <summary>
/// Writes each function's <c>function.json</c> from <see cref="FunctionCatalog"/>: the build step
/// of the deployable folder (<c>BetterCare.Functions --emit-functions DIR</c>), so a function
/// cannot exist without its endpoint, nor an endpoint without its function.
/// </summary>
public static class FunctionJson
{
    public const string Connection = "AzureWebJobsStorage";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static JsonObject For(FunctionDefinition function)
    {
        ArgumentNullException.ThrowIfNull(function);
        JsonArray bindings = function.Trigger switch
        {
            TriggerKind.Http =>
            [
                new JsonObject
                {
                    ["type"] = "httpTrigger",
                    ["direction"] = "in",
                    ["name"] = "req",
                    ["authLevel"] = "anonymous",
                    ["methods"] = new JsonArray("get", "post", "put", "patch", "delete", "head", "options"),
                    ["route"] = function.Binding,
                },
                new JsonObject { ["type"] = "http", ["direction"] = "out", ["name"] = "res" },
            ],
            TriggerKind.Blob =>
            [
                new JsonObject
                {
                    ["type"] = "blobTrigger",
                    ["direction"] = "in",
                    ["name"] = "blob",
                    ["path"] = function.Binding,
                    ["connection"] = Connection,
                    ["dataType"] = "binary",
                    ["source"] = "EventGrid",
                },
            ],
            TriggerKind.Queue =>
            [
                new JsonObject
                {
                    ["type"] = "queueTrigger",
                    ["direction"] = "in",
                    ["name"] = "message",
                    ["queueName"] = function.Binding,
                    ["connection"] = Connection,
                },
            ],
            TriggerKind.Timer =>
            [
                new JsonObject
                {
                    ["type"] = "timerTrigger",
                    ["direction"] = "in",
                    ["name"] = function.Binding,
                    // The host reads the schedule from the app setting, which the standalone scheduler reads too.
                    ["schedule"] = $"%{FunctionCatalog.ScheduleSetting(function)}%",
                    ["runOnStartup"] = false,
                    ["useMonitor"] = true,
                },
            ],
            _ => throw new ArgumentOutOfRangeException(nameof(function), function.Trigger, "Unknown trigger."),
        };
        return new JsonObject { ["bindings"] = bindings };
    }

    /// <summary>Writes <c>{root}/{Name}/function.json</c> for every function; returns the folders written.</summary>
    public static IReadOnlyList<string> WriteAll(string root)
    {
        var written = new List<string>();
        foreach (var function in FunctionCatalog.All)
        {
            var folder = Path.Combine(root, function.Name);
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, "function.json"), For(function).ToJsonString(Indented) + "\n");
            written.Add(folder);
        }

        return written;
    }
}
