using BetterCare.App.Auth;
using BetterCare.App.Exports;
using BetterCare.App.Rollups;
using BetterCare.Pipeline.Aggregates;
using BetterCare.Pipeline.Ports;
using BetterCare.Returns.Model;
using BetterCare.Returns.Reference;

namespace BetterCare.App.Apis;

/// <summary>
/// Roll-ups: <c>POST /api/rollups/{period}</c> runs one now (administrators),
/// <c>GET /api/rollups/{period}</c> lists the rows the caller may see, and
/// <c>GET /api/reports/{period}/{file}</c> downloads a county's or region's workbook.
/// </summary>
public static class RollupsApi
{
    internal static async Task<IResult> RunAsync(string period, HttpRequest request, CallerAuthenticator auth, RollupService rollups, CancellationToken ct)
    {
        if (auth.Authenticate(request) is not { } caller)
        {
            return ApiErrors.Unauthorized();
        }

        if (caller.Role != Role.Admin)
        {
            return ApiErrors.Forbidden("Only an administrator can run a roll-up.");
        }

        if (!ReturnPeriod.TryParse(period, out var parsed))
        {
            return ApiErrors.BadPeriod(period);
        }

        var outcome = await rollups.RunAsync(parsed, ct).ConfigureAwait(false);
        return Results.Ok(new RollupView(outcome.Period, outcome.Rows.Select(RollupRowView.From).ToList(), outcome.EmailsSent));
    }

    internal static async Task<IResult> ListAsync(string period, HttpRequest request, CallerAuthenticator auth, IRollupStore store, ReferenceData reference, CancellationToken ct)
    {
        if (auth.Authenticate(request) is not { } caller)
        {
            return ApiErrors.Unauthorized();
        }

        if (!ReturnPeriod.TryParse(period, out var parsed))
        {
            return ApiErrors.BadPeriod(period);
        }

        var rows = await store.ListAsync(parsed.ToString(), ct).ConfigureAwait(false);
        var visible = rows.Where(r => AggregatesApi.Allowed(caller, ScopeOf(r.Kind, r.Name), reference)).OrderBy(r => r.Kind, StringComparer.Ordinal).ThenBy(r => r.Name, StringComparer.Ordinal);
        return Results.Ok(new RollupView(parsed.ToString(), visible.Select(RollupRowView.From).ToList(), 0));
    }

    internal static async Task<IResult> ReportAsync(string period, string file, HttpRequest request, CallerAuthenticator auth, IRollupStore store, RollupService rollups, ReferenceData reference, CancellationToken ct)
    {
        if (auth.Authenticate(request) is not { } caller)
        {
            return ApiErrors.Unauthorized();
        }

        // The file must be one a roll-up writes, and of a scope the caller may see.
        if (rollups.ReportScope(period, file) is not { } scope)
        {
            return ApiErrors.NotFound($"Report '{file}'");
        }

        if (!AggregatesApi.Allowed(caller, scope, reference))
        {
            return ApiErrors.Forbidden("This key cannot see that scope.");
        }

        var content = await store.GetReportAsync($"{period}/{file}", ct).ConfigureAwait(false);
        return content is null ? ApiErrors.NotFound($"Report '{file}'") : Results.File(content, ExcelExport.ContentType, file);
    }

    private static Scope ScopeOf(string kind, string name) => kind == "county" ? Scope.County(name) : Scope.Region(name);
}

public sealed record RollupRowView(string Kind, string Name, int Hwbs, int Accepted, IReadOnlyList<string> WithoutAcceptedReturn, PoolView Totals, SpendView Spend, string Report)
{
    public static RollupRowView From(RollupRow r) => new(
        r.Kind, r.Name, r.Hwbs, r.Accepted, r.WithoutAcceptedReturn,
        PoolView.From(r.Totals), SpendView.From(r.Spend), $"/api/reports/{r.ReportPath}");
}

public sealed record RollupView(string Period, IReadOnlyList<RollupRowView> Rows, int EmailsSent);
