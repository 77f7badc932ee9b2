using BetterCare.Pipeline.Workflow;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;

namespace BetterCare.Functions;

/// <summary>
/// The workflow's orchestrators and activities bound to Durable Functions' triggers: one thin
/// function per class of <see cref="WorkflowCatalog"/>, named as the class (no source generator is
/// served here to write these).
/// </summary>
public sealed class WorkflowFunctions(IServiceProvider services)
{
    [Function(nameof(SubmissionOrchestrator))]
    public Task<string> RunSubmissionOrchestrator([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new SubmissionOrchestrator().RunAsync(context, context.GetInput<SubmissionInput>()!);
    }

    [Function(nameof(ProcessSubmission))]
    public Task<bool> RunProcessSubmission([ActivityTrigger] string submissionId, FunctionContext context) =>
        Activity<ProcessSubmission>().RunAsync(new FunctionActivityContext(nameof(ProcessSubmission), context), submissionId);

    [Function(nameof(AggregateSubmission))]
    public Task<bool> RunAggregateSubmission([ActivityTrigger] string submissionId, FunctionContext context) =>
        Activity<AggregateSubmission>().RunAsync(new FunctionActivityContext(nameof(AggregateSubmission), context), submissionId);

    [Function(nameof(NotifySubmission))]
    public Task<bool> RunNotifySubmission([ActivityTrigger] string submissionId, FunctionContext context) =>
        Activity<NotifySubmission>().RunAsync(new FunctionActivityContext(nameof(NotifySubmission), context), submissionId);

    [Function(nameof(ResumeSubmission))]
    public Task<bool> RunResumeSubmission([ActivityTrigger] string submissionId, FunctionContext context) =>
        Activity<ResumeSubmission>().RunAsync(new FunctionActivityContext(nameof(ResumeSubmission), context), submissionId);

    [Function(nameof(FailSubmission))]
    public Task<bool> RunFailSubmission([ActivityTrigger] StepFailure failure, FunctionContext context) =>
        Activity<FailSubmission>().RunAsync(new FunctionActivityContext(nameof(FailSubmission), context), failure);

    private T Activity<T>()
        where T : notnull => services.GetRequiredService<T>();

    /// <summary>The activity's context as the class-based activities see it: its name and its orchestration's instance.</summary>
    private sealed class FunctionActivityContext(string name, FunctionContext context) : TaskActivityContext
    {
        public override TaskName Name { get; } = new(name);

        public override string InstanceId { get; } =
            context.BindingContext.BindingData.TryGetValue("instanceId", out var id) ? id?.ToString() ?? string.Empty : string.Empty;
    }
}
