using System.Text.Json.Nodes;

namespace BetterCare.Pipeline.Tests.Hosting;

/// <summary>What the Functions host would read from the isolated worker's build: its functions.metadata and host.json.</summary>
internal static class FunctionsBuild
{
    /// <summary>The build output of src/BetterCare.Functions in the tests' own configuration (built first, as a project reference).</summary>
    public static string Output
    {
        get
        {
            // tests/BetterCare.Pipeline.Tests/bin/{Configuration}/net10.0/
            var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
            return Path.Combine(Repo.Root, "src", "BetterCare.Functions", "bin", configuration, "net10.0");
        }
    }

    public static IReadOnlyList<JsonObject> Functions() =>
        [.. JsonNode.Parse(File.ReadAllText(Path.Combine(Output, "functions.metadata")))!.AsArray().Select(f => f!.AsObject())];

    public static JsonObject Function(string name) =>
        Functions().SingleOrDefault(f => (string?)f["name"] == name) ?? throw new Xunit.Sdk.XunitException($"functions.metadata has no function named {name}.");

    /// <summary>The function's trigger binding (its first "In" binding whose type ends in "Trigger").</summary>
    public static JsonObject Trigger(string name) =>
        Function(name)["bindings"]!.AsArray().Select(b => b!.AsObject()).Single(b => ((string?)b["type"])!.EndsWith("Trigger", StringComparison.Ordinal));

    public static IReadOnlyList<string> BindingTypes(string name) =>
        [.. Function(name)["bindings"]!.AsArray().Select(b => (string)b!["type"]!)];

    public static JsonObject HostJson() => JsonNode.Parse(File.ReadAllText(Path.Combine(Output, "host.json")))!.AsObject();
}
