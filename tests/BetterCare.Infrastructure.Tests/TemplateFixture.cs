using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace BetterCare.Infrastructure.Tests;

[CollectionDefinition(Name)]
public sealed class TemplateCollection : ICollectionFixture<TemplateFixture>
{
    public const string Name = "infra/main.bicep";
}

/// <summary>
/// Compiles <c>infra/main.bicep</c> once (<c>bicep build --stdout</c>) and takes a deployment
/// snapshot of it (<c>bicep snapshot</c>): the compiled template evaluated for a sample resource
/// group with the values of <c>main.parameters.json</c>, loops expanded and parameters and
/// variables resolved, leaving only what needs deployed resources (<c>reference(...)</c>).
/// </summary>
public sealed class TemplateFixture : IAsyncLifetime
{
    public const string SubscriptionId = "00000000-0000-0000-0000-00000000b0c0";
    public const string ResourceGroup = "rg-bettercare-test";
    public const string Location = "uksouth";

    /// <summary>Values for the parameters a deployment passes on the command line, to exercise them.</summary>
    public const string SendGridApiKey = "SG.not-a-real-key";
    public const string EntraClientId = "11111111-2222-3333-4444-555555555555";

    public static readonly IReadOnlyList<(string Name, string Role, string? Scope, string Key)> ApiKeys =
    [
        ("Essex HWB lead", "HwbLead", "E10000012", "test-key-essex"),
        ("Administrator", "Admin", null, "test-key-admin"),
    ];

    private string? workDirectory;

    public BicepResult Build { get; private set; } = null!;

    public BicepResult SnapshotRun { get; private set; } = null!;

    /// <summary>The compiled ARM template.</summary>
    public JsonObject Compiled { get; private set; } = null!;

    /// <summary>The snapshot: <c>predictedResources</c>, <c>diagnostics</c>, <c>outputs</c>.</summary>
    public JsonObject Snapshot { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Build = await BicepCli.RunAsync(Repository.Root, "build", Repository.Template, "--stdout");
        Assert.True(Build.ExitCode == 0, $"bicep build failed: {Build}");
        Compiled = JsonNode.Parse(Build.StandardOutput)!.AsObject();

        workDirectory = Directory.CreateTempSubdirectory("bettercare-bicep-").FullName;
        var parameters = Path.Combine(workDirectory, "test.bicepparam");
        await File.WriteAllTextAsync(parameters, ParametersFile(workDirectory));
        SnapshotRun = await BicepCli.RunAsync(
            workDirectory,
            "snapshot", parameters,
            "--mode", "overwrite",
            "--subscription-id", SubscriptionId,
            "--resource-group", ResourceGroup,
            "--location", Location);
        Assert.True(SnapshotRun.ExitCode == 0, $"bicep snapshot failed: {SnapshotRun}");
        Snapshot = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(workDirectory, "test.snapshot.json")))!.AsObject();
    }

    public Task DisposeAsync()
    {
        if (workDirectory is not null && Directory.Exists(workDirectory))
        {
            Directory.Delete(workDirectory, recursive: true);
        }

        return Task.CompletedTask;
    }

    /// <summary>The resources the snapshot predicts, of one type.</summary>
    public IReadOnlyList<JsonObject> Resources(string type) =>
        Snapshot["predictedResources"]!.AsArray()
            .Select(r => r!.AsObject())
            .Where(r => string.Equals((string?)r["type"], type, StringComparison.OrdinalIgnoreCase))
            .ToList();

    public JsonObject Single(string type)
    {
        var resources = Resources(type);
        Assert.True(resources.Count == 1, $"Expected one {type}, found {resources.Count}.");
        return resources[0];
    }

    /// <summary>A .bicepparam for the template: main.parameters.json, plus the values given at deploy time.</summary>
    private static string ParametersFile(string directory)
    {
        var template = Path.GetRelativePath(directory, Repository.Template).Replace('\\', '/');
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"using {Quote(template)}\n\n");

        var file = JsonNode.Parse(File.ReadAllText(Repository.Parameters))!.AsObject();
        foreach (var (name, entry) in file["parameters"]!.AsObject())
        {
            var value = entry!["value"]!.ToJsonString();
            text.Append(CultureInfo.InvariantCulture, $"param {name} = json({Quote(value)})\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"param sendGridApiKey = {Quote(SendGridApiKey)}\n");
        text.Append(CultureInfo.InvariantCulture, $"param entraClientId = {Quote(EntraClientId)}\n");
        text.Append("param entraClientSecret = 'not-a-real-secret'\n");
        text.Append("param principals = [\n  { name: 'manager@east.example', role: 'RegionalManager', scope: 'East of England' }\n  { name: 'admin@england.example', role: 'Admin' }\n]\n");

        // The second deployment, once the package runs: the inbox's Event Grid subscription is made.
        text.Append("param subscribeInbox = true\n");
        text.Append("param apiKeys = [\n");
        foreach (var (name, role, scope, key) in ApiKeys)
        {
            text.Append("  {\n");
            text.Append(CultureInfo.InvariantCulture, $"    name: {Quote(name)}\n");
            text.Append(CultureInfo.InvariantCulture, $"    role: {Quote(role)}\n");
            if (scope is not null)
            {
                text.Append(CultureInfo.InvariantCulture, $"    scope: {Quote(scope)}\n");
            }

            text.Append(CultureInfo.InvariantCulture, $"    key: {Quote(key)}\n");
            text.Append("  }\n");
        }

        text.Append("]\n");
        return text.ToString();
    }

    private static string Quote(string value) =>
        "'" + value.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("'", "\\'", StringComparison.Ordinal)
            .Replace("${", "\\${", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal) + "'";
}
