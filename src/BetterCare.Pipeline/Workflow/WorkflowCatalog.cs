namespace BetterCare.Pipeline.Workflow;

/// <summary>
/// Every orchestrator and activity of the workflow, by the name each host registers it under
/// (the class name). The standalone engine registers these; in Azure each has a thin
/// <c>[Function]</c> of the same name.
/// </summary>
public static class WorkflowCatalog
{
    public static IReadOnlyList<Type> Orchestrators { get; } = [typeof(SubmissionOrchestrator), typeof(SignOffOrchestrator), typeof(PeriodOrchestrator)];

    public static IReadOnlyList<Type> Activities { get; } =
    [
        typeof(ProcessSubmission),
        typeof(AggregateSubmission),
        typeof(NotifySubmission),
        typeof(ResumeSubmission),
        typeof(FailSubmission),
        typeof(RequestSignOff),
        typeof(ReconcileSignOff),
        typeof(ChaseSignOff),
        typeof(EscalateSignOff),
        typeof(VoidSignOff),
        typeof(NextPeriodEvent),
        typeof(ListRollupScopes),
        typeof(RollUpScope),
        typeof(SummariseRollup),
        typeof(RemindLeads),
        typeof(NoteMissingReturns),
    ];
}
