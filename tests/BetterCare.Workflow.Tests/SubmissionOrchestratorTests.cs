using System.Collections.Concurrent;
using BetterCare.Pipeline.Submissions;
using BetterCare.Pipeline.Workflow;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;

namespace BetterCare.Workflow.Tests;

/// <summary>
/// The submission orchestrator's branches on the in-process test host, its activities stood in
/// for by functions that record their calls (the real ones are tested on Azurite through the
/// standalone host).
/// </summary>
public sealed class SubmissionOrchestratorTests
{
    private const string Id = "s0123456789abcdef01234567";

    [Fact]
    public async Task ASubmissionGoesThroughProcessAggregateAndNotifyInOrder()
    {
        var steps = new Steps();
        await using var host = await steps.StartAsync();

        var result = await RunAsync(host, new SubmissionInput(Id, Retry: false, MaxAttempts: 3, TimeSpan.FromMilliseconds(10)));

        Assert.Equal("Done", result);
        Assert.Equal([nameof(ProcessSubmission), nameof(AggregateSubmission), nameof(NotifySubmission)], steps.Called);
    }

    [Fact]
    public async Task EachStepStartsFromTheStateRowVersionThePreviousStepLeft()
    {
        var steps = new Steps();
        await using var host = await steps.StartAsync();

        var result = await RunAsync(host, new SubmissionInput(Id, Retry: false, MaxAttempts: 3, TimeSpan.FromMilliseconds(10), ETag: "as created"));

        Assert.Equal("Done", result);
        Assert.Equal(
            [new StepInput(Id, "as created"), new StepInput(Id, "after " + nameof(ProcessSubmission)), new StepInput(Id, "after " + nameof(AggregateSubmission), Steps.Counted)],
            steps.Inputs);
    }

    [Fact]
    public async Task WhatAggregateCameToGoesToNotifyWhoseSaveRecordsItAndToTheFailureWhenNotifyKeepsFailing()
    {
        var steps = new Steps { FailingStep = nameof(NotifySubmission) };
        await using var host = await steps.StartAsync();

        var result = await RunAsync(host, new SubmissionInput(Id, Retry: false, MaxAttempts: 2, TimeSpan.FromMilliseconds(10)));

        Assert.Equal("Failed", result);
        Assert.All(steps.Inputs.Where((_, i) => i >= 2), input => Assert.Equal(Steps.Counted, input.Aggregated));
        Assert.Equal(new StepFailure(Id, WorkflowStep.Notify, Steps.Fault, Steps.Counted), Assert.Single(steps.Failures));
    }

    [Fact]
    public async Task ARetriedSubmissionsFirstStepReadsTheRowAfresh()
    {
        var steps = new Steps();
        await using var host = await steps.StartAsync();

        await RunAsync(host, new SubmissionInput(Id, Retry: true, MaxAttempts: 3, TimeSpan.FromMilliseconds(10), ETag: "as created"));

        Assert.Equal(new StepInput(Id, null), steps.Inputs.First());
    }

    [Fact]
    public async Task ARetriedSubmissionIsPutBackBeforeItsSteps()
    {
        var steps = new Steps();
        await using var host = await steps.StartAsync();

        var result = await RunAsync(host, new SubmissionInput(Id, Retry: true, MaxAttempts: 3, TimeSpan.FromMilliseconds(10)));

        Assert.Equal("Done", result);
        Assert.Equal([nameof(ResumeSubmission), nameof(ProcessSubmission), nameof(AggregateSubmission), nameof(NotifySubmission)], steps.Called);
    }

    [Fact]
    public async Task ASubmissionFoundFailedStopsWithoutItsLaterSteps()
    {
        var steps = new Steps { Failed = true };
        await using var host = await steps.StartAsync();

        var result = await RunAsync(host, new SubmissionInput(Id, Retry: false, MaxAttempts: 3, TimeSpan.FromMilliseconds(10)));

        Assert.Equal("Stopped", result);
        Assert.Equal([nameof(ProcessSubmission)], steps.Called);
    }

    [Fact]
    public async Task AStepThatKeepsFailingIsTriedItsAttemptsThenMarksTheSubmissionFailedAtThatStep()
    {
        var steps = new Steps { FailingStep = nameof(AggregateSubmission) };
        await using var host = await steps.StartAsync();

        var result = await RunAsync(host, new SubmissionInput(Id, Retry: false, MaxAttempts: 3, TimeSpan.FromMilliseconds(10)));

        Assert.Equal("Failed", result);
        Assert.Equal(
            [nameof(ProcessSubmission), nameof(AggregateSubmission), nameof(AggregateSubmission), nameof(AggregateSubmission), nameof(FailSubmission)],
            steps.Called);
        var failure = Assert.Single(steps.Failures);
        Assert.Equal(new StepFailure(Id, WorkflowStep.Aggregate, Steps.Fault), failure);
    }

    [Fact]
    public async Task AStepThatFailsOnceIsTriedAgainAndTheSubmissionGoesOn()
    {
        var steps = new Steps { FailingStep = nameof(NotifySubmission), FailuresLeft = 1 };
        await using var host = await steps.StartAsync();

        var result = await RunAsync(host, new SubmissionInput(Id, Retry: false, MaxAttempts: 3, TimeSpan.FromMilliseconds(10)));

        Assert.Equal("Done", result);
        Assert.Equal([nameof(ProcessSubmission), nameof(AggregateSubmission), nameof(NotifySubmission), nameof(NotifySubmission)], steps.Called);
        Assert.Empty(steps.Failures);
    }

    private static async Task<string?> RunAsync(DurableTaskTestHost host, SubmissionInput input)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var instance = await host.Client.ScheduleNewOrchestrationInstanceAsync(SubmissionOrchestrator.Name, input, new StartOrchestrationOptions(input.SubmissionId), timeout.Token);
        var done = await host.Client.WaitForInstanceCompletionAsync(instance, getInputsAndOutputs: true, timeout.Token);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        return done.ReadOutputAs<string>();
    }

    /// <summary>The activities, standing in: each records its call; one may throw; Process may find the submission failed.</summary>
    private sealed class Steps
    {
        public const string Fault = "the totals table is unavailable (test fault)";

        /// <summary>What the Aggregate stand-in came to.</summary>
        public static readonly AggregateResult Counted = new("counted in the 2017-18-Q2 totals");

        private readonly ConcurrentQueue<string> _called = new();
        private int _failuresLeft = int.MaxValue;

        public bool Failed { get; init; }

        public string? FailingStep { get; init; }

        public int FailuresLeft
        {
            init => _failuresLeft = value;
        }

        public IReadOnlyList<string> Called => [.. _called];

        public ConcurrentQueue<StepFailure> Failures { get; } = new();

        public Task<DurableTaskTestHost> StartAsync() => DurableTaskTestHost.StartAsync(registry =>
        {
            registry.AddOrchestrator<SubmissionOrchestrator>();
            registry.AddActivityFunc<StepInput, StepOutcome>(nameof(ProcessSubmission), (_, input) => Outcome(nameof(ProcessSubmission), input, !Failed));
            registry.AddActivityFunc<StepInput, StepOutcome>(nameof(AggregateSubmission), (_, input) => Outcome(nameof(AggregateSubmission), input, true));
            registry.AddActivityFunc<StepInput, StepOutcome>(nameof(NotifySubmission), (_, input) => Outcome(nameof(NotifySubmission), input, true));
            registry.AddActivityFunc<string, bool>(nameof(ResumeSubmission), (_, id) => Step(nameof(ResumeSubmission), true));
            registry.AddActivityFunc<StepFailure, bool>(nameof(FailSubmission), (_, failure) =>
            {
                Failures.Enqueue(failure);
                return Step(nameof(FailSubmission), true);
            });
        });

        /// <summary>Each step's input as received, in order.</summary>
        public ConcurrentQueue<StepInput> Inputs { get; } = new();

        /// <summary>A step records its input and hands on an ETag of its own ("after {step}").</summary>
        private StepOutcome Outcome(string name, StepInput input, bool goOn)
        {
            Inputs.Enqueue(input);
            return new StepOutcome(Step(name, goOn), ETag: "after " + name, Aggregated: name == nameof(AggregateSubmission) ? Counted : null);
        }

        private bool Step(string name, bool goOn)
        {
            _called.Enqueue(name);
            if (name == FailingStep && Interlocked.Decrement(ref _failuresLeft) >= 0)
            {
                throw new IOException(Fault);
            }

            return goOn;
        }
    }
}
