using BetterCare.Pipeline.Ports;
using BetterCare.Pipeline.SignOff;
using Microsoft.DurableTask;

namespace BetterCare.Pipeline.Workflow;

/// <summary>The period's next event after the cursor (roll-up, reminder or deadline note), or null when none is left.</summary>
public sealed class NextPeriodEvent(PeriodCalendar periods) : TaskActivity<PeriodCursor, PeriodEvent?>
{
    public override Task<PeriodEvent?> RunAsync(TaskActivityContext context, PeriodCursor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return Task.FromResult(periods.Next(input.Period, input.After));
    }
}

/// <summary>The scopes a roll-up fans out over: every county and region.</summary>
public sealed class ListRollupScopes(IPeriodRollup rollup) : TaskActivity<string, IReadOnlyList<string>>
{
    public override Task<IReadOnlyList<string>> RunAsync(TaskActivityContext context, string input) => Task.FromResult(rollup.ScopeKeys);
}

/// <summary>One county's or region's roll-up: its workbook and its row.</summary>
public sealed class RollUpScope(IPeriodRollup rollup) : TaskActivity<ScopeRollup, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, ScopeRollup input)
    {
        ArgumentNullException.ThrowIfNull(input);
        await rollup.RollUpScopeAsync(input.Period, input.ScopeKey, CancellationToken.None).ConfigureAwait(false);
        return true;
    }
}

/// <summary>The fan-in: each region's managers get the summary, at most once a day.</summary>
public sealed class SummariseRollup(IPeriodRollup rollup) : TaskActivity<string, int>
{
    public override Task<int> RunAsync(TaskActivityContext context, string input) => rollup.SummariseAsync(input, CancellationToken.None);
}

/// <summary>HWB leads without an accepted return reminded of the deadline.</summary>
public sealed class RemindLeads(PeriodNotices notices) : TaskActivity<PeriodReminder, int>
{
    public override Task<int> RunAsync(TaskActivityContext context, PeriodReminder input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return notices.RemindLeadsAsync(input.Period, input.WorkingDaysBefore, CancellationToken.None);
    }
}

/// <summary>At the deadline, each region's managers told which HWBs have no accepted return.</summary>
public sealed class NoteMissingReturns(PeriodNotices notices) : TaskActivity<string, int>
{
    public override Task<int> RunAsync(TaskActivityContext context, string input) => notices.NoteMissingReturnsAsync(input, CancellationToken.None);
}
