using System.Text.Json.Nodes;
using BetterCare.App.Apis;
using BetterCare.App.Triggers;
using BetterCare.DurableEngine;
using BetterCare.Infrastructure;
using BetterCare.Pipeline.Workflow;
using NCrontab;

namespace BetterCare.Pipeline.Tests.Hosting;

/// <summary>The isolated worker's functions as the Functions host would load them from functions.metadata.</summary>
public class FunctionsMetadataTests
{
    [Fact]
    public void EveryOrchestratorAndActivityIsBoundToItsDurableTrigger()
    {
        foreach (var orchestrator in WorkflowCatalog.Orchestrators)
        {
            Assert.Equal("orchestrationTrigger", (string?)FunctionsBuild.Trigger(orchestrator.Name)["type"]);
        }

        foreach (var activity in WorkflowCatalog.Activities)
        {
            Assert.Equal("activityTrigger", (string?)FunctionsBuild.Trigger(activity.Name)["type"]);
        }
    }

    [Fact]
    public void EveryRouteIsAnAnonymousHttpTriggerWithItsMethodAndPath()
    {
        foreach (var route in Routes.All)
        {
            var trigger = FunctionsBuild.Trigger(route.Name);
            Assert.Equal("httpTrigger", (string?)trigger["type"]);
            Assert.Equal(route.FunctionRoute, (string?)trigger["route"]);
            Assert.Equal([route.Method.ToLowerInvariant()], trigger["methods"]!.AsArray().Select(m => (string?)m));

            // The app checks keys and principals itself; the host's own function keys would only be in the way.
            Assert.Equal("Anonymous", (string?)trigger["authLevel"]);
            Assert.Contains("http", FunctionsBuild.BindingTypes(route.Name));
        }

        // The routes that may start an orchestration have the durable client.
        Assert.Contains("durableClient", FunctionsBuild.BindingTypes("UploadReturn"));
        Assert.Contains("durableClient", FunctionsBuild.BindingTypes("RetryReturn"));
    }

    [Fact]
    public void TheInboxIsABlobTriggerOnItsContainerThroughEventGrid()
    {
        var inbox = FunctionsBuild.Trigger("InboxBlob");

        Assert.Equal("blobTrigger", (string?)inbox["type"]);
        Assert.Equal(StorageNames.InboxContainer + "/{name}", (string?)inbox["path"]);
        Assert.Equal("EventGrid", (string?)inbox["source"]);
        Assert.Equal("AzureWebJobsStorage", (string?)inbox["connection"]);
        Assert.Contains("durableClient", FunctionsBuild.BindingTypes("InboxBlob"));
    }

    [Fact]
    public void EveryTimerReadsItsScheduleFromTheAppSettingTheSampleSettingsGive()
    {
        var sample = JsonNode.Parse(File.ReadAllText(Path.Combine(Repo.Root, "local.settings.sample.json")))!["Values"]!;
        foreach (var timer in TimerSchedules.All)
        {
            var trigger = FunctionsBuild.Trigger(timer.Name);
            Assert.Equal("timerTrigger", (string?)trigger["type"]);
            Assert.Equal($"%{TimerSchedules.ScheduleSetting(timer)}%", (string?)trigger["schedule"]);
            var configured = (string?)sample[TimerSchedules.ScheduleSetting(timer)] ?? throw new Xunit.Sdk.XunitException($"local.settings.sample.json has no {TimerSchedules.ScheduleSetting(timer)}.");
            Assert.NotNull(CrontabSchedule.TryParse(configured, new CrontabSchedule.ParseOptions { IncludingSeconds = true }));
        }
    }

    [Fact]
    public void TheAppHasNoFunctionBeyondItsRoutesWorkflowAndTriggers()
    {
        var expected = Routes.All.Select(r => r.Name)
            .Concat(WorkflowCatalog.Orchestrators.Concat(WorkflowCatalog.Activities).Select(t => t.Name))
            .Concat(TimerSchedules.All.Select(t => t.Name))
            .Append("InboxBlob")
            .Order(StringComparer.Ordinal);

        Assert.Equal(expected, FunctionsBuild.Functions().Select(f => (string)f["name"]!).Order(StringComparer.Ordinal));
        Assert.All(FunctionsBuild.Functions(), f => Assert.Equal("dotnet-isolated", (string?)f["language"]));
    }

    [Fact]
    public void HostJsonHoldsTheTaskHubOnAzureStorageApartFromTheStandaloneHub()
    {
        var durable = FunctionsBuild.HostJson()["extensions"]!["durableTask"]!;
        var provider = durable["storageProvider"]!;

        Assert.Equal("AzureStorage", (string?)provider["type"]);
        Assert.NotEqual(new TaskHubOptions().Name, (string?)durable["hubName"]);
        Assert.True(TimeSpan.Parse((string)provider["controlQueueVisibilityTimeout"]!, System.Globalization.CultureInfo.InvariantCulture) > TimeSpan.Zero);
        Assert.True(TimeSpan.Parse((string)provider["workItemQueueVisibilityTimeout"]!, System.Globalization.CultureInfo.InvariantCulture) > TimeSpan.Zero);
        Assert.True((int)provider["partitionCount"]! is >= 1 and <= 16);
        Assert.Equal(string.Empty, (string?)FunctionsBuild.HostJson()["extensions"]!["http"]!["routePrefix"]);
        Assert.Null(FunctionsBuild.HostJson()["customHandler"]);
    }
}
