using BetterCare.App.Auth;
using BetterCare.App.Exports;
using BetterCare.Pipeline.Aggregates;
using BetterCare.Returns.Model;
using BetterCare.Returns.Reference;

namespace BetterCare.App.Apis;

/// <summary>
/// Aggregates for regional managers: <c>GET /api/aggregates/{period}?region=|county=|hwb=</c>
/// as JSON (default), CSV (<c>Accept: text/csv</c> or <c>?format=csv</c>, one view per file:
/// <c>?view=hwbs|partners|schemes|totals</c>) or Excel (<c>?format=xlsx</c>, a sheet per view);
/// and <c>GET /api/aggregates?hwb=&amp;from=&amp;to=</c>, an HWB quarter by quarter.
/// </summary>
public static class AggregatesApi
{
    internal static async Task<IResult> ForPeriodAsync(
        string period, HttpRequest request, CallerAuthenticator auth, AggregateService aggregates, ReferenceData reference, CancellationToken ct)
    {
        if (auth.Authenticate(request) is not { } caller)
        {
            return ApiErrors.Unauthorized();
        }

        if (!ReturnPeriod.TryParse(period, out var parsed))
        {
            return ApiErrors.BadPeriod(period);
        }

        if (ScopeOf(request, caller) is not { } asked)
        {
            return ApiErrors.Of(StatusCodes.Status400BadRequest, "Give at most one of region, county or hwb.");
        }

        // A region or county as it is spelt in the reference data, however it was written; one it does not have is named, with those it does.
        if (Known(asked, reference) is not { } scope)
        {
            var (what, names) = asked.Kind == ScopeKind.Region ? ("region", AreaNames.Regions(reference)) : ("county", AreaNames.Counties(reference));
            return ApiErrors.Of(StatusCodes.Status404NotFound, $"There is no {what} called '{asked.Name}' in the reference data; its {(what == "region" ? "regions" : "counties")} are: {string.Join(", ", names)}.");
        }

        if (!Allowed(caller, scope, reference))
        {
            return ApiErrors.Forbidden("This key cannot see that scope.");
        }

        var aggregate = await aggregates.ForScopeAsync(parsed, scope, ct).ConfigureAwait(false);
        return Render(request, [aggregate], $"bcf-{parsed}-{Slug(scope)}");
    }

    internal static async Task<IResult> SeriesAsync(
        HttpRequest request, CallerAuthenticator auth, AggregateService aggregates, ReferenceData reference, CancellationToken ct)
    {
        if (auth.Authenticate(request) is not { } caller)
        {
            return ApiErrors.Unauthorized();
        }

        var hwb = request.Query["hwb"].ToString().Trim().ToUpperInvariant();
        if (!HwbCode.IsValid(hwb) || !ReturnPeriod.TryParse(request.Query["from"], out var from) || !ReturnPeriod.TryParse(request.Query["to"], out var to))
        {
            return ApiErrors.Of(StatusCodes.Status400BadRequest, "Give hwb (an HWB code), from and to (periods such as 2016-17-Q1).");
        }

        if (AggregateService.Periods(from, to).Take(41).Count() is 0 or > 40)
        {
            return ApiErrors.Of(StatusCodes.Status400BadRequest, "from must not be after to, and a series runs to at most 40 quarters.");
        }

        if (!Allowed(caller, Scope.Hwb(hwb), reference))
        {
            return ApiErrors.Forbidden("This key cannot see that scope.");
        }

        var series = await aggregates.SeriesAsync(hwb, from, to, ct).ConfigureAwait(false);
        return Render(request, series, $"bcf-{hwb}-{from}-to-{to}");
    }

    /// <summary>The scope asked for; with none, the caller's own (national for national callers). Null when ambiguous.</summary>
    private static Scope? ScopeOf(HttpRequest request, Caller caller)
    {
        var given = new[] { ("region", ScopeKind.Region), ("county", ScopeKind.County), ("hwb", ScopeKind.Hwb) }
            .Where(p => !string.IsNullOrWhiteSpace(request.Query[p.Item1]))
            .Select(p => new Scope(p.Item2, p.Item2 == ScopeKind.Hwb ? request.Query[p.Item1].ToString().Trim().ToUpperInvariant() : request.Query[p.Item1].ToString().Trim()))
            .ToList();
        return given.Count switch
        {
            0 => caller.Role switch
            {
                Role.HwbLead => Scope.Hwb(caller.Scope ?? string.Empty),
                Role.RegionalManager => Scope.Region(caller.Scope ?? string.Empty),
                _ => Scope.National,
            },
            1 => given[0],
            _ => null,
        };
    }

    /// <summary>The scope with its region or county named as the reference data names it; null when the reference data has no such one.</summary>
    private static Scope? Known(Scope scope, ReferenceData reference) => scope.Kind switch
    {
        ScopeKind.Region => AreaNames.Find(AreaNames.Regions(reference), scope.Name) is { } region ? Scope.Region(region) : null,
        ScopeKind.County => AreaNames.Find(AreaNames.Counties(reference), scope.Name) is { } county ? Scope.County(county) : null,
        _ => scope,
    };

    /// <summary>Whether the caller may see every HWB of the scope (an out-of-scope answer says nothing about the other area).</summary>
    public static bool Allowed(Caller caller, Scope scope, ReferenceData reference)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(reference);
        return caller.Role switch
        {
            Role.Admin or Role.National => true,
            Role.HwbLead => scope.Kind == ScopeKind.Hwb && string.Equals(scope.Name, caller.Scope, StringComparison.OrdinalIgnoreCase),
            Role.RegionalManager => scope.Kind switch
            {
                ScopeKind.Region => AreaNames.Same(scope.Name, caller.Scope),
                ScopeKind.County or ScopeKind.Hwb =>
                    scope.Expected(reference).Any() && scope.Expected(reference).All(a => AreaNames.Same(a.Region, caller.Scope)),
                _ => false,
            },
            _ => false,
        };
    }

    private static IResult Render(HttpRequest request, IReadOnlyList<ScopeAggregate> aggregates, string fileName)
    {
        var format = request.Query["format"].ToString().ToLowerInvariant();
        if (format.Length == 0 && request.Headers.Accept.ToString().Contains("text/csv", StringComparison.OrdinalIgnoreCase))
        {
            format = "csv";
        }

        switch (format)
        {
            case "" or "json":
                return aggregates.Count == 1 && !request.Query.ContainsKey("from")
                    ? Results.Ok(AggregateView.From(aggregates[0]))
                    : Results.Ok(aggregates.Select(AggregateView.From).ToList());
            case "csv":
                var view = request.Query["view"].ToString() is { Length: > 0 } v ? v : "hwbs";
                if (!AggregateTables.Views.Contains(view))
                {
                    return ApiErrors.Of(StatusCodes.Status400BadRequest, $"view must be one of: {string.Join(", ", AggregateTables.Views)}.");
                }

                var table = Merge(aggregates.Select(a => AggregateTables.View(a, view)!));
                return Results.File(System.Text.Encoding.UTF8.GetBytes(CsvExport.Write(table)), "text/csv; charset=utf-8", $"{fileName}-{view}.csv");
            case "xlsx":
                var tables = AggregateTables.Views.Select(name => Merge(aggregates.Select(a => AggregateTables.View(a, name)!)));
                return Results.File(ExcelExport.Write(tables), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"{fileName}.xlsx");
            default:
                return ApiErrors.Of(StatusCodes.Status400BadRequest, "format must be json, csv or xlsx.");
        }
    }

    private static ExportTable Merge(IEnumerable<ExportTable> tables)
    {
        var list = tables.ToList();
        return new ExportTable(list[0].Name, list[0].Columns, list.SelectMany(t => t.Rows).ToList());
    }

    private static string Slug(Scope scope) =>
        scope.Kind == ScopeKind.National ? "england" : string.Concat((scope.Name ?? string.Empty).ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-'));
}

/// <summary>An aggregate as JSON: money in pounds with pence.</summary>
public sealed record AggregateView(
    string Period,
    string Scope,
    string ScopeKind,
    string? ScopeName,
    IReadOnlyList<AggregateHwbView> Hwbs,
    IReadOnlyList<AggregatePartnerView> Partners,
    PoolView Totals,
    IReadOnlyDictionary<string, PoolView> ByPartnerType,
    SpendView Spend,
    IReadOnlyDictionary<string, SpendView> BySchemeType,
    IReadOnlyList<string> WithoutAcceptedReturn)
{
    public static AggregateView From(ScopeAggregate a) => new(
        a.Period, a.Scope.ToString(), a.Scope.Kind.ToString(), a.Scope.Name,
        a.Hwbs.Select(h => new AggregateHwbView(h.HwbCode, h.HwbName, h.Region, h.County, h.Status, h.State.Code, h.State.Text, h.AcceptedSubmissionId, FiguresView.From(h.Figures))).ToList(),
        a.Partners.Select(p => new AggregatePartnerView(p.Name, p.Code, p.Kind, p.HwbCodes, PoolView.From(p.Figures))).ToList(),
        PoolView.From(a.Totals),
        a.ByPartnerType.ToDictionary(kv => kv.Key, kv => PoolView.From(kv.Value)),
        SpendView.From(a.Spend),
        a.BySchemeType.ToDictionary(kv => kv.Key, kv => SpendView.From(kv.Value)),
        a.WithoutAcceptedReturn);
}

/// <summary>One HWB in an aggregate: <c>status</c> is its latest upload's, <c>state</c> where its return stands (see <c>HwbState</c>), in a code and in words.</summary>
public sealed record AggregateHwbView(string HwbCode, string? HwbName, string Region, string County, string Status, string State, string StateText, string? AcceptedSubmissionId, FiguresView? Figures);

public sealed record AggregatePartnerView(string Name, string? Code, string Kind, IReadOnlyList<string> HwbCodes, PoolView Totals);
