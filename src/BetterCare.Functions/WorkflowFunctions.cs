using BetterCare.Pipeline.SignOff;
using BetterCare.Pipeline.Workflow;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace BetterCare.Functions;

/// <summary>
/// The workflow's orchestrators and activities bound to Durable Functions' triggers: one thin
/// function per class of <see cref="WorkflowCatalog"/>, named as the class (no source generator is
/// served here to write these).
/// </summary>
public sealed class WorkflowFunctions(IServiceProvider services, FunctionsWorkflowClient workflow)
{
    [Function(nameof(SubmissionOrchestrator))]
    public Task<string> RunSubmissionOrchestrator([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new SubmissionOrchestrator().RunAsync(context, context.GetInput<SubmissionInput>()!);
    }

    [Function(nameof(SignOffOrchestrator))]
    public Task<string> RunSignOffOrchestrator([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new SignOffOrchestrator().RunAsync(context, context.GetInput<SignOffInput>()!);
    }

    [Function(nameof(PeriodOrchestrator))]
    public Task<string> RunPeriodOrchestrator([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new PeriodOrchestrator().RunAsync(context, context.GetInput<PeriodInput>()!);
    }

    [Function(nameof(ProcessSubmission))]
    public Task<StepOutcome> RunProcessSubmission([ActivityTrigger] StepInput step, FunctionContext context) =>
        Activity<ProcessSubmission>().RunAsync(new FunctionActivityContext(nameof(ProcessSubmission), context), step);

    [Function(nameof(AggregateSubmission))]
    public Task<StepOutcome> RunAggregateSubmission([ActivityTrigger] StepInput step, FunctionContext context) =>
        Activity<AggregateSubmission>().RunAsync(new FunctionActivityContext(nameof(AggregateSubmission), context), step);

    [Function(nameof(NotifySubmission))]
    public Task<StepOutcome> RunNotifySubmission([ActivityTrigger] StepInput step, [DurableClient] DurableTaskClient durable, FunctionContext context)
    {
        // Notify starts the return's sign-off orchestration through the client.
        workflow.Use(durable);
        return Activity<NotifySubmission>().RunAsync(new FunctionActivityContext(nameof(NotifySubmission), context), step);
    }

    [Function(nameof(ResumeSubmission))]
    public Task<bool> RunResumeSubmission([ActivityTrigger] string submissionId, FunctionContext context) =>
        Activity<ResumeSubmission>().RunAsync(new FunctionActivityContext(nameof(ResumeSubmission), context), submissionId);

    [Function(nameof(FailSubmission))]
    public Task<bool> RunFailSubmission([ActivityTrigger] StepFailure failure, FunctionContext context) =>
        Activity<FailSubmission>().RunAsync(new FunctionActivityContext(nameof(FailSubmission), context), failure);

    [Function(nameof(RequestSignOff))]
    public Task<SignOffState> RunRequestSignOff([ActivityTrigger] StepInput step, FunctionContext context) =>
        Activity<RequestSignOff>().RunAsync(new FunctionActivityContext(nameof(RequestSignOff), context), step);

    [Function(nameof(ReconcileSignOff))]
    public Task<SignOffState> RunReconcileSignOff([ActivityTrigger] string submissionId, FunctionContext context) =>
        Activity<ReconcileSignOff>().RunAsync(new FunctionActivityContext(nameof(ReconcileSignOff), context), submissionId);

    [Function(nameof(ChaseSignOff))]
    public Task<SignOffState> RunChaseSignOff([ActivityTrigger] ChaseInput chaser, FunctionContext context) =>
        Activity<ChaseSignOff>().RunAsync(new FunctionActivityContext(nameof(ChaseSignOff), context), chaser);

    [Function(nameof(EscalateSignOff))]
    public Task<SignOffState> RunEscalateSignOff([ActivityTrigger] string submissionId, FunctionContext context) =>
        Activity<EscalateSignOff>().RunAsync(new FunctionActivityContext(nameof(EscalateSignOff), context), submissionId);

    [Function(nameof(VoidSignOff))]
    public Task<SignOffState> RunVoidSignOff([ActivityTrigger] string submissionId, FunctionContext context) =>
        Activity<VoidSignOff>().RunAsync(new FunctionActivityContext(nameof(VoidSignOff), context), submissionId);

    [Function(nameof(NextPeriodEvent))]
    public Task<PeriodEvent?> RunNextPeriodEvent([ActivityTrigger] PeriodCursor cursor, FunctionContext context) =>
        Activity<NextPeriodEvent>().RunAsync(new FunctionActivityContext(nameof(NextPeriodEvent), context), cursor);

    [Function(nameof(ListRollupScopes))]
    public Task<IReadOnlyList<string>> RunListRollupScopes([ActivityTrigger] string period, FunctionContext context) =>
        Activity<ListRollupScopes>().RunAsync(new FunctionActivityContext(nameof(ListRollupScopes), context), period);

    [Function(nameof(RollUpScope))]
    public Task<bool> RunRollUpScope([ActivityTrigger] ScopeRollup scope, FunctionContext context) =>
        Activity<RollUpScope>().RunAsync(new FunctionActivityContext(nameof(RollUpScope), context), scope);

    [Function(nameof(SummariseRollup))]
    public Task<int> RunSummariseRollup([ActivityTrigger] string period, FunctionContext context) =>
        Activity<SummariseRollup>().RunAsync(new FunctionActivityContext(nameof(SummariseRollup), context), period);

    [Function(nameof(RemindLeads))]
    public Task<int> RunRemindLeads([ActivityTrigger] PeriodReminder reminder, FunctionContext context) =>
        Activity<RemindLeads>().RunAsync(new FunctionActivityContext(nameof(RemindLeads), context), reminder);

    [Function(nameof(NoteMissingReturns))]
    public Task<int> RunNoteMissingReturns([ActivityTrigger] string period, FunctionContext context) =>
        Activity<NoteMissingReturns>().RunAsync(new FunctionActivityContext(nameof(NoteMissingReturns), context), period);

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
