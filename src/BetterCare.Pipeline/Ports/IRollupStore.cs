using BetterCare.Pipeline.Submissions;

namespace BetterCare.Pipeline.Ports;

/// <summary>A county's or region's totals for a period, as last rolled up, with the workbook written for it.</summary>
public sealed record RollupRow(
    string Period,
    string Kind,
    string Name,
    int Hwbs,
    int Accepted,
    IReadOnlyList<string> WithoutAcceptedReturn,
    PoolPence Totals,
    SpendPence Spend,
    string ReportPath);

/// <summary>The roll-up table (partition = period, a row per county and region) and the report files.</summary>
public interface IRollupStore
{
    /// <summary>Writes a period's roll-up rows, replacing those of an earlier run.</summary>
    Task SaveAsync(string period, IReadOnlyList<RollupRow> rows, CancellationToken cancellationToken);

    Task<IReadOnlyList<RollupRow>> ListAsync(string period, CancellationToken cancellationToken);

    Task PutReportAsync(string path, byte[] content, string contentType, CancellationToken cancellationToken);

    Task<byte[]?> GetReportAsync(string path, CancellationToken cancellationToken);
}
