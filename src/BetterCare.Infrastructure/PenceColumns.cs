using Azure.Data.Tables;
using BetterCare.Pipeline.Submissions;

namespace BetterCare.Infrastructure;

/// <summary>Pool money as table columns: whole pence in Int64 columns named <c>PoolPence</c>, <c>MinimumPence</c> and so on.</summary>
internal static class PenceColumns
{
    public static void Write(TableEntity e, PoolPence p)
    {
        e["PoolPence"] = p.Pool;
        e["MinimumPence"] = p.Minimum;
        e["AdditionalPence"] = p.Additional;
        e["ActualToDatePence"] = p.ActualToDate;
        e["ForecastPence"] = p.Forecast;
    }

    public static PoolPence Read(TableEntity e) => new(
        e.GetInt64("PoolPence") ?? 0,
        e.GetInt64("MinimumPence") ?? 0,
        e.GetInt64("AdditionalPence") ?? 0,
        e.GetInt64("ActualToDatePence") ?? 0,
        e.GetInt64("ForecastPence") ?? 0);
}
