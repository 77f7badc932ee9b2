using BetterCare.Pipeline.Periods;
using BetterCare.Pipeline.Ports;
using BetterCare.Pipeline.Submissions;
using BetterCare.Returns.Model;
using BetterCare.Returns.Reference;

namespace BetterCare.Pipeline.Aggregates;

/// <summary>
/// Adds up the accepted returns of a scope for a period, from the period's partition: one
/// query per period (filtered by region when the scope is a region), whatever the scope.
/// </summary>
public sealed class AggregateService
{
    private readonly IReturnTables _tables;
    private readonly ReferenceData _reference;

    public AggregateService(IReturnTables tables, ReferenceData reference)
    {
        _tables = tables;
        _reference = reference;
    }

    public async Task<ScopeAggregate> ForScopeAsync(ReturnPeriod period, Scope scope, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var region = scope.Kind == ScopeKind.Region ? scope.Name : null;
        var rows = await _tables.ListPeriodAsync(period.ToString(), region, ct).ConfigureAwait(false);
        return Build(period.ToString(), scope, rows.Where(r => scope.Includes(r.HwbCode, r.Region, r.County)).ToList());
    }

    /// <summary>One HWB quarter by quarter, from one period to another (both included).</summary>
    public async Task<IReadOnlyList<ScopeAggregate>> SeriesAsync(string hwbCode, ReturnPeriod from, ReturnPeriod to, CancellationToken ct)
    {
        var series = new List<ScopeAggregate>();
        var scope = Scope.Hwb(hwbCode);
        foreach (var period in Periods(from, to))
        {
            var row = await _tables.GetPeriodReturnAsync(period.ToString(), hwbCode, ct).ConfigureAwait(false);
            series.Add(Build(period.ToString(), scope, row is null ? [] : [row]));
        }

        return series;
    }

    /// <summary>The quarters from one period to another, in order; empty when <paramref name="to"/> is before <paramref name="from"/>.</summary>
    public static IEnumerable<ReturnPeriod> Periods(ReturnPeriod from, ReturnPeriod to)
    {
        var index = Index(from);
        var last = Index(to);
        for (; index <= last; index++)
        {
            yield return new ReturnPeriod(new FinancialYear(index / 4), new Quarter((index % 4) + 1));
        }
    }

    private static int Index(ReturnPeriod p) => (p.Year.StartYear * 4) + p.Quarter.Number - 1;

    private ScopeAggregate Build(string period, Scope scope, IReadOnlyList<PeriodReturn> rows)
    {
        var hwbs = rows
            .OrderBy(r => r.HwbCode, StringComparer.Ordinal)
            .Select(r => new HwbAggregate(r.HwbCode, r.HwbName, r.Region, r.County, r.LatestStatus.ToString(), r.AcceptedSubmissionId, r.HasAccepted ? r.Figures : null, HwbState.Of(r)))
            .ToList();
        var accepted = hwbs.Where(h => h.Figures is not null).ToList();

        var totals = PoolPence.Zero;
        var spend = SpendPence.Zero;
        var byType = new SortedDictionary<string, PoolPence>(StringComparer.Ordinal);
        var bySchemeType = new SortedDictionary<string, SpendPence>(StringComparer.Ordinal);
        var partners = new Dictionary<string, (PartnerPence First, PoolPence Sum, List<string> Hwbs)>(StringComparer.Ordinal);
        foreach (var hwb in accepted)
        {
            var f = hwb.Figures!;
            totals += f.Pool;
            spend += f.Spend;
            foreach (var (kind, figures) in f.ByPartnerType)
            {
                byType[kind] = byType.GetValueOrDefault(kind, PoolPence.Zero) + figures;
            }

            foreach (var (type, figures) in f.BySchemeType)
            {
                bySchemeType[type] = bySchemeType.GetValueOrDefault(type, SpendPence.Zero) + figures;
            }

            foreach (var p in f.Partners)
            {
                // A partner named but not coded is only the same body within one HWB.
                var key = p.Key.StartsWith("name:", StringComparison.Ordinal) ? $"{p.Key}|{hwb.HwbCode}" : p.Key;
                partners[key] = partners.TryGetValue(key, out var seen)
                    ? (seen.First, seen.Sum + p.Figures, [.. seen.Hwbs, hwb.HwbCode])
                    : (p, p.Figures, [hwb.HwbCode]);
            }
        }

        var known = accepted.Select(h => h.HwbCode).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var missing = scope.Expected(_reference).Select(a => a.HwbCode)
            .Concat(hwbs.Select(h => h.HwbCode))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Where(code => !known.Contains(code))
            .Order(StringComparer.Ordinal)
            .ToList();

        return new ScopeAggregate(
            period,
            scope,
            hwbs,
            partners.Values
                // A coded partner shared by several HWBs is named as the reference data names it, not as whichever workbook came first.
                .Select(p => new PartnerAggregate(p.First.Key, _reference.PartnerName(p.First.Code) ?? p.First.Name, p.First.Code, p.First.Kind, p.Sum, p.Hwbs))
                .OrderBy(p => p.Kind, StringComparer.Ordinal).ThenBy(p => p.Name, StringComparer.Ordinal)
                .ToList(),
            totals,
            byType,
            spend,
            bySchemeType,
            missing);
    }
}
