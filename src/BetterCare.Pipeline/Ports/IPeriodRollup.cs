namespace BetterCare.Pipeline.Ports;

/// <summary>
/// A period's roll-up in parts, for the period orchestration's fan-out and fan-in: each county's and
/// region's totals and workbook on its own, then the regional managers' summaries from the rows.
/// </summary>
public interface IPeriodRollup
{
    /// <summary>Every scope rolled up, as keys such as <c>county|Essex</c> and <c>region|East of England</c>.</summary>
    IReadOnlyList<string> ScopeKeys { get; }

    /// <summary>Rolls one scope up: its workbook written and its row saved, the same bytes and row each time for the same figures.</summary>
    Task RollUpScopeAsync(string period, string scopeKey, CancellationToken cancellationToken);

    /// <summary>Emails each region's managers their summary from the saved rows, at most once a calendar day; the number sent now.</summary>
    Task<int> SummariseAsync(string period, CancellationToken cancellationToken);
}
