namespace BetterCare.App.Apis;

/// <summary>One HTTP endpoint: its function name in Azure, its method, its path (with the <c>/api</c> prefix) and its handler.</summary>
public sealed record Route(string Name, string Method, string Pattern, Delegate Handler)
{
    /// <summary>The path as a Functions HTTP trigger's <c>Route</c> states it: the whole path without its leading slash (host.json's route prefix is empty, so pages sit at the site's root).</summary>
    public string FunctionRoute => Pattern == "/" ? RootRoute : Pattern.TrimStart('/');

    /// <summary>The site's root as a Functions route: an empty route would take the function's name instead, so an optional parameter that must stay empty.</summary>
    public const string RootRoute = "{ignored:maxlength(0)?}";

    /// <summary>The names of the path's parameters, e.g. <c>period</c> and <c>file</c>.</summary>
    public IReadOnlyList<string> Parameters =>
        [.. Pattern.Split('/').Where(s => s.StartsWith('{') && s.EndsWith('}')).Select(s => s[1..^1].TrimStart('*'))];
}

/// <summary>
/// Every HTTP endpoint of the app, in one table: the standalone host maps each, and the Functions
/// host has one HTTP-triggered function per row that runs the same handler (a test checks the two
/// agree). Handlers take their services by parameter, as minimal API handlers do.
/// </summary>
public static class Routes
{
    public const string Prefix = "/api";

    public static IReadOnlyList<Route> All { get; } =
    [
        new("UploadReturn", "POST", "/api/returns", ReturnsApi.UploadAsync),
        new("GetReturn", "GET", "/api/returns/{submissionId}", ReturnsApi.GetAsync),
        new("RetryReturn", "POST", "/api/returns/{submissionId}/retry", ReturnsApi.RetryAsync),
        new("ListPeriodReturns", "GET", "/api/periods/{period}/returns", ReturnsApi.ListPeriodAsync),
        new("PeriodAggregates", "GET", "/api/aggregates/{period}", AggregatesApi.ForPeriodAsync),
        new("AggregateSeries", "GET", "/api/aggregates", AggregatesApi.SeriesAsync),
        new("RunRollup", "POST", "/api/rollups/{period}", RollupsApi.RunAsync),
        new("ListRollups", "GET", "/api/rollups/{period}", RollupsApi.ListAsync),
        new("GetReport", "GET", "/api/reports/{period}/{file}", RollupsApi.ReportAsync),

        // Pages.
        new("HomePage", "GET", "/", Pages.Home.HomePages.ShowAsync),
        new("SignInPage", "GET", "/sign-in", Pages.SignIn.SignInPages.Show),
        new("SignIn", "POST", "/sign-in", Pages.SignIn.SignInPages.SignInAsync),
        new("SignOut", "POST", "/sign-out", Pages.SignIn.SignInPages.SignOutAsync),
        new("UploadPage", "GET", "/upload", Pages.Upload.UploadPages.Show),
        new("Upload", "POST", "/upload", Pages.Upload.UploadPages.UploadAsync),
        new("TemplateDownload", "GET", "/periods/{period}/template", Pages.Templates.TemplatePages.Download),
        new("SubmissionPage", "GET", "/submissions/{submissionId}", Pages.Submissions.SubmissionPages.ShowAsync),
        new("SubmissionFile", "GET", "/submissions/{submissionId}/file", Pages.Submissions.SubmissionPages.FileAsync),
        new("SubmissionRecord", "GET", "/submissions/{submissionId}/record", Pages.SignOff.SignOffPages.SubmissionRecordAsync),
        new("SignOffPage", "GET", "/sign-off/{token}", Pages.SignOff.SignOffPages.ShowAsync),
        new("SignOff", "POST", "/sign-off/{token}", Pages.SignOff.SignOffPages.DecideAsync),
        new("SignOffRecord", "GET", "/sign-off/{token}/record", Pages.SignOff.SignOffPages.LinkRecordAsync),
        new("Dashboard", "GET", "/periods/{period}/dashboard", Pages.Dashboard.DashboardPages.ShowAsync),
        new("DashboardDownload", "GET", "/periods/{period}/dashboard/download", Pages.Dashboard.DashboardPages.DownloadAsync),
        new("ReportDownload", "GET", "/reports/{period}/{file}", Pages.Reports.ReportPages.DownloadAsync),
        new("AdminPage", "GET", "/admin", Pages.Admin.AdminPages.ShowAsync),
        new("AdminRetry", "POST", "/admin/retry/{submissionId}", Pages.Admin.AdminPages.RetryAsync),
        new("AdminRollup", "POST", "/admin/rollup", Pages.Admin.AdminPages.RollupAsync),
        new("Asset", "GET", "/assets/{*path}", Pages.Shared.AssetFiles.Get),
    ];

    public static Route Named(string name) => All.Single(r => r.Name == name);

    /// <summary>Maps every route (the standalone host).</summary>
    public static IEndpointRouteBuilder MapBetterCareRoutes(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        foreach (var route in All)
        {
            // Forms are read by the handlers themselves (uploads, sign-off decisions): no antiforgery metadata to satisfy.
            app.MapMethods(route.Pattern, [route.Method], route.Handler).WithName(route.Name).DisableAntiforgery();
        }

        return app;
    }
}
