using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace BetterCare.Infrastructure.Tests;

/// <summary>What a reviewer checks in the deployment: identity instead of keys, Flex Consumption and the isolated worker, every storage name the app uses, the inbox's Event Grid subscription.</summary>
[Collection(TemplateCollection.Name)]
public sealed partial class TemplateTests(TemplateFixture template)
{
    private const string StorageAccounts = "Microsoft.Storage/storageAccounts";
    private const string Sites = "Microsoft.Web/sites";
    private const string KeyVaults = "Microsoft.KeyVault/vaults";
    private const string Components = "Microsoft.Insights/components";
    private const string Identities = "Microsoft.ManagedIdentity/userAssignedIdentities";

    private static readonly string[] SettingsFlexRefuses = ["FUNCTIONS_WORKER_RUNTIME", "FUNCTIONS_EXTENSION_VERSION", "WEBSITE_RUN_FROM_PACKAGE", "TZ"];

    private static readonly string[] KeyMaterial = ["AccountKey=", "DefaultEndpointsProtocol", "SharedAccessSignature", "listKeys(", "listConnectionStrings("];

    [Fact]
    public void Storage_refuses_shared_keys_and_public_blobs()
    {
        var properties = template.Single(StorageAccounts)["properties"]!;

        Assert.False((bool)properties["allowSharedKeyAccess"]!);
        Assert.False((bool)properties["allowBlobPublicAccess"]!);
        Assert.Equal("TLS1_2", (string?)properties["minimumTlsVersion"]);
        Assert.True((bool)properties["supportsHttpsTrafficOnly"]!);
    }

    [Fact]
    public void No_account_key_or_connection_string_anywhere()
    {
        // The one key the template reads is the Functions host's blob-extension webhook key, for the inbox subscription.
        var compiled = WebhookKey().Replace(
            template.Compiled.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }), "webhook-key");
        foreach (var marker in KeyMaterial)
        {
            Assert.DoesNotContain(marker, compiled, StringComparison.OrdinalIgnoreCase);
        }

        foreach (var (name, value) in AppSettings())
        {
            foreach (var marker in KeyMaterial)
            {
                Assert.False(value.Contains(marker, StringComparison.OrdinalIgnoreCase), $"App setting {name} holds {marker}.");
            }
        }
    }

    [Fact]
    public void Storage_is_reached_with_the_managed_identity()
    {
        var settings = AppSettings();
        var storage = template.Single(StorageAccounts);
        var identity = template.Single(Identities);

        Assert.Equal("managedidentity", settings["AzureWebJobsStorage__credential"]);
        Assert.Equal((string?)storage["name"], settings["AzureWebJobsStorage__accountName"]);
        Assert.Contains((string)identity["id"]!, settings["AzureWebJobsStorage__clientId"], StringComparison.Ordinal);
        Assert.EndsWith(".clientId]", settings["AzureWebJobsStorage__clientId"], StringComparison.Ordinal);
        Assert.DoesNotContain("AzureWebJobsStorage", settings.Keys);
    }

    [Fact]
    public void Settings_Flex_Consumption_refuses_are_absent()
    {
        var settings = AppSettings();

        foreach (var name in SettingsFlexRefuses)
        {
            Assert.DoesNotContain(name, settings.Keys);
        }
    }

    [Fact]
    public void SendGrid_key_is_a_Key_Vault_reference_without_a_version()
    {
        var vault = (string)template.Single(KeyVaults)["name"]!;
        var reference = ArmFormat.Resolve(AppSettings()["SendGrid__ApiKey"]);

        var match = KeyVaultReference().Match(reference);
        Assert.True(match.Success, $"Not a Key Vault reference to a secret without a version: {reference}");
        Assert.Equal(vault, match.Groups["vault"].Value);
        Assert.Equal("sendgrid-api-key", match.Groups["secret"].Value);
        Assert.Contains(template.Resources("Microsoft.KeyVault/vaults/secrets"), s => (string?)s["name"] == $"{vault}/sendgrid-api-key");
    }

    [Fact]
    public void People_sign_in_with_Entra_ID_pages_redirect_and_the_api_and_sign_off_links_are_left_to_the_app()
    {
        var auth = template.Resources("Microsoft.Web/sites/config").Single(c => ((string)c["name"]!).EndsWith("/authsettingsV2", StringComparison.Ordinal))["properties"]!;
        var validation = auth["globalValidation"]!;
        var entra = auth["identityProviders"]!["azureActiveDirectory"]!;

        Assert.True((bool)auth["platform"]!["enabled"]!);
        Assert.True((bool)validation["requireAuthentication"]!);
        Assert.Equal("RedirectToLoginPage", (string?)validation["unauthenticatedClientAction"]);
        Assert.Equal(["/api/*", "/sign-off/*", "/assets/*"], validation["excludedPaths"]!.AsArray().Select(p => (string?)p));
        Assert.True((bool)entra["enabled"]!);
        Assert.Equal(TemplateFixture.EntraClientId, (string?)entra["registration"]!["clientId"]);
        Assert.Equal("MICROSOFT_PROVIDER_AUTHENTICATION_SECRET", (string?)entra["registration"]!["clientSecretSettingName"]);
        Assert.EndsWith("/v2.0", ArmFormat.Resolve(entra["registration"]!["openIdIssuer"]!.ToString()), StringComparison.Ordinal);
        Assert.True((bool)auth["httpSettings"]!["requireHttps"]!);

        var vault = (string)template.Single(KeyVaults)["name"]!;
        var secret = KeyVaultReference().Match(ArmFormat.Resolve(AppSettings()["MICROSOFT_PROVIDER_AUTHENTICATION_SECRET"]));
        Assert.True(secret.Success, "the client secret is a Key Vault reference to a secret without a version");
        Assert.Equal(vault, secret.Groups["vault"].Value);
        Assert.Equal("entra-client-secret", secret.Groups["secret"].Value);
    }

    [Fact]
    public void Signed_in_people_get_their_role_and_scope_from_the_principals_parameter()
    {
        var settings = AppSettings();
        Assert.Equal("manager@east.example", settings["BetterCare__Principals__0__Name"]);
        Assert.Equal("RegionalManager", settings["BetterCare__Principals__0__Role"]);
        Assert.Equal("East of England", settings["BetterCare__Principals__0__Scope"]);
        Assert.Equal("Admin", settings["BetterCare__Principals__1__Role"]);
        Assert.DoesNotContain("BetterCare__Principals__1__Scope", settings.Keys);
    }

    [Fact]
    public void Sign_off_token_key_is_a_Key_Vault_reference_and_links_use_the_apps_address()
    {
        var vault = (string)template.Single(KeyVaults)["name"]!;
        var reference = ArmFormat.Resolve(AppSettings()["BetterCare__SignOff__TokenKey"]);

        var match = KeyVaultReference().Match(reference);
        Assert.True(match.Success, $"Not a Key Vault reference to a secret without a version: {reference}");
        Assert.Equal(vault, match.Groups["vault"].Value);
        Assert.Equal("signoff-token-key", match.Groups["secret"].Value);
        Assert.StartsWith("https://", ArmFormat.Resolve(AppSettings()["BetterCare__PublicBaseUrl"]), StringComparison.Ordinal);
    }

    [Fact]
    public void Api_keys_are_Key_Vault_references_with_their_holder_role_and_scope()
    {
        var vault = (string)template.Single(KeyVaults)["name"]!;
        var settings = AppSettings();
        var secrets = template.Resources("Microsoft.KeyVault/vaults/secrets").Select(s => (string?)s["name"]).ToList();

        for (var i = 0; i < TemplateFixture.ApiKeys.Count; i++)
        {
            var (name, role, scope, key) = TemplateFixture.ApiKeys[i];
            var match = KeyVaultReference().Match(ArmFormat.Resolve(settings[$"BetterCare__ApiKeys__{i}__Key"]));
            Assert.True(match.Success, settings[$"BetterCare__ApiKeys__{i}__Key"]);
            Assert.Equal(vault, match.Groups["vault"].Value);
            Assert.Equal($"api-key-{i}", match.Groups["secret"].Value);
            Assert.Contains($"{vault}/api-key-{i}", secrets);
            Assert.Equal(name, settings[$"BetterCare__ApiKeys__{i}__Name"]);
            Assert.Equal(role, settings[$"BetterCare__ApiKeys__{i}__Role"]);
            Assert.Equal(scope, settings.GetValueOrDefault($"BetterCare__ApiKeys__{i}__Scope"));
            Assert.DoesNotContain(settings.Values, v => v.Contains(key, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Key_Vault_uses_RBAC_soft_delete_and_purge_protection_and_the_app_reads_it_as_the_identity()
    {
        var properties = template.Single(KeyVaults)["properties"]!;
        var app = template.Single(Sites);

        Assert.True((bool)properties["enableRbacAuthorization"]!);
        Assert.True((bool)properties["enableSoftDelete"]!);
        Assert.True((bool)properties["enablePurgeProtection"]!);
        Assert.Equal((string?)template.Single(Identities)["id"], (string?)app["properties"]!["keyVaultReferenceIdentity"]);
    }

    [Fact]
    public void Application_Insights_takes_telemetry_only_from_Entra_ID()
    {
        var settings = AppSettings();

        Assert.True((bool)template.Single(Components)["properties"]!["DisableLocalAuth"]!);
        Assert.Contains("APPLICATIONINSIGHTS_CONNECTION_STRING", settings.Keys);
        Assert.Matches(@"^\[format\('ClientId=\{0\};Authorization=AAD', reference\(.*\)\.clientId\)\]$", settings["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"]);
    }

    [Fact]
    public void The_app_is_a_Linux_isolated_worker_on_Flex_Consumption()
    {
        var plan = template.Single("Microsoft.Web/serverfarms");
        var app = template.Single(Sites);
        var config = app["properties"]!["functionAppConfig"]!;
        var identity = (string)template.Single(Identities)["id"]!;

        Assert.Equal("FC1", (string?)plan["sku"]!["name"]);
        Assert.Equal("FlexConsumption", (string?)plan["sku"]!["tier"]);
        Assert.True((bool)plan["properties"]!["reserved"]!);
        Assert.Equal("functionapp,linux", (string?)app["kind"]);
        Assert.Equal((string?)plan["id"], (string?)app["properties"]!["serverFarmId"]);
        Assert.Equal("dotnet-isolated", (string?)config["runtime"]!["name"]);
        Assert.Equal("10.0", (string?)config["runtime"]!["version"]);
        Assert.Equal("UserAssignedIdentity", (string?)config["deployment"]!["storage"]!["authentication"]!["type"]);
        Assert.Equal(identity, (string?)config["deployment"]!["storage"]!["authentication"]!["userAssignedIdentityResourceId"]);
        Assert.NotNull(config["scaleAndConcurrency"]!["maximumInstanceCount"]);
        Assert.NotNull(config["scaleAndConcurrency"]!["instanceMemoryMB"]);
        Assert.True((bool)app["properties"]!["httpsOnly"]!);
    }

    [Fact]
    public void Every_container_and_table_the_app_uses_is_declared()
    {
        var containers = Names("Microsoft.Storage/storageAccounts/blobServices/containers");
        var tables = Names("Microsoft.Storage/storageAccounts/tableServices/tables");

        Assert.All(StorageNames.Containers, name => Assert.Contains(name, containers));
        Assert.All(StorageNames.Tables, name => Assert.Contains(name, tables));
    }

    [Theory]
    [InlineData(StorageAccounts, "b7e6dc6d-f1e8-4753-8033-0f276bb0955b")] // Storage Blob Data Owner
    [InlineData(StorageAccounts, "974c5e8b-45b9-4653-ba55-5f855dd0fb88")] // Storage Queue Data Contributor
    [InlineData(StorageAccounts, "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3")] // Storage Table Data Contributor
    [InlineData(KeyVaults, "4633458b-17de-408a-b874-0445c86b69e6")] // Key Vault Secrets User
    [InlineData(Components, "3913510d-42f4-4e42-8a64-420c390055eb")] // Monitoring Metrics Publisher
    public void The_identity_holds_the_data_plane_role_on_the_resource(string scopeType, string roleDefinitionId)
    {
        var scope = (string)template.Single(scopeType)["id"]!;
        var identity = (string)template.Single(Identities)["id"]!;

        var assignments = template.Resources("Microsoft.Authorization/roleAssignments")
            .Where(a => ((string)a["id"]!).StartsWith(scope + "/providers/Microsoft.Authorization/roleAssignments/", StringComparison.OrdinalIgnoreCase))
            .Where(a => ((string)a["properties"]!["roleDefinitionId"]!).EndsWith("/roleDefinitions/" + roleDefinitionId, StringComparison.OrdinalIgnoreCase))
            .ToList();

        var assignment = Assert.Single(assignments);
        var principal = (string)assignment["properties"]!["principalId"]!;
        Assert.Contains(identity, principal, StringComparison.Ordinal);
        Assert.EndsWith(".principalId]", principal, StringComparison.Ordinal);
        Assert.Equal("ServicePrincipal", (string?)assignment["properties"]!["principalType"]);
    }

    [Fact]
    public void The_storage_account_has_an_Event_Grid_system_topic_for_the_blob_trigger()
    {
        var topic = template.Single("Microsoft.EventGrid/systemTopics");

        Assert.Equal((string?)template.Single(StorageAccounts)["id"], (string?)topic["properties"]!["source"]);
        Assert.Equal("Microsoft.Storage.StorageAccounts", (string?)topic["properties"]!["topicType"]);
    }

    [Fact]
    public void The_inbox_blob_trigger_is_subscribed_to_blob_created_events_of_its_container_only()
    {
        var subscription = template.Single("Microsoft.EventGrid/systemTopics/eventSubscriptions");
        var properties = subscription["properties"]!;
        var endpoint = (string)properties["destination"]!["properties"]!["endpointUrl"]!;

        // Made only on the deployment that asks for it (the snapshot is of that one).
        Assert.Contains("\"condition\":\"[parameters('subscribeInbox')]\"", template.Compiled.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }), StringComparison.Ordinal);
        Assert.StartsWith((string)template.Single("Microsoft.EventGrid/systemTopics")["name"]! + "/", (string?)subscription["name"], StringComparison.Ordinal);
        Assert.Equal("WebHook", (string?)properties["destination"]!["endpointType"]);
        Assert.Contains("/runtime/webhooks/blobs?functionName=Host.Functions.InboxBlob&code=", endpoint, StringComparison.Ordinal);
        Assert.Contains("/host/default", endpoint, StringComparison.Ordinal);
        Assert.Contains(".systemKeys.blobs_extension", endpoint, StringComparison.Ordinal);
        Assert.Equal(["Microsoft.Storage.BlobCreated"], properties["filter"]!["includedEventTypes"]!.AsArray().Select(t => (string?)t));
        Assert.Equal($"/blobServices/default/containers/{StorageNames.InboxContainer}/blobs/", (string?)properties["filter"]!["subjectBeginsWith"]);
    }

    [Fact]
    public void The_workflow_settings_are_the_isolated_apps()
    {
        var settings = AppSettings();

        Assert.Contains("BetterCare__Pipeline__MaxAttempts", settings.Keys);
        Assert.DoesNotContain(settings.Keys, k => k.Contains("Dequeue", StringComparison.Ordinal) || k.Contains("StepVisibility", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("functionAppName")]
    [InlineData("storageAccountName")]
    [InlineData("keyVaultName")]
    [InlineData("identityClientId")]
    public void The_deployment_outputs(string name) =>
        Assert.NotNull(template.Compiled["outputs"]![name]);

    [Fact]
    public void Secrets_are_secure_parameters_and_the_parameters_file_holds_none()
    {
        var parameters = template.Compiled["parameters"]!.AsObject();
        var file = JsonNode.Parse(File.ReadAllText(Repository.Parameters))!["parameters"]!.AsObject();

        Assert.Equal("securestring", (string?)parameters["sendGridApiKey"]!["type"]);
        foreach (var (name, _) in file)
        {
            Assert.True(parameters.ContainsKey(name), $"main.parameters.json sets {name}, which main.bicep does not declare.");
            Assert.NotEqual("securestring", (string?)parameters[name]!["type"]);
            Assert.NotEqual("apiKeys", name);
        }
    }

    private Dictionary<string, string> AppSettings()
    {
        var config = template.Resources("Microsoft.Web/sites/config").Single(c => ((string)c["name"]!).EndsWith("/appsettings", StringComparison.Ordinal));
        return config["properties"]!.AsObject().ToDictionary(p => p.Key, p => p.Value!.ToString(), StringComparer.Ordinal);
    }

    private HashSet<string> Names(string type) =>
        template.Resources(type).Select(r => ((string)r["name"]!).Split('/')[^1]).ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex(@"listKeys\(format\('\{0\}/host/default', resourceId\('Microsoft\.Web/sites', .+?\)\), '[0-9-]+'\)\.systemKeys\.blobs_extension")]
    private static partial Regex WebhookKey();

    [GeneratedRegex(@"^@Microsoft\.KeyVault\(SecretUri=https://(?<vault>[a-z0-9-]+)\.vault\.azure\.net/secrets/(?<secret>[a-zA-Z0-9-]+)/\)$")]
    private static partial Regex KeyVaultReference();
}
