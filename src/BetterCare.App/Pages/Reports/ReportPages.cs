using BetterCare.App.Apis;
using BetterCare.App.Auth;
using BetterCare.App.Exports;
using BetterCare.App.Pages.Shared;
using BetterCare.App.Pages.SignIn;
using BetterCare.App.Rollups;
using BetterCare.Pipeline.Ports;
using BetterCare.Returns.Reference;

namespace BetterCare.App.Pages.Reports;

/// <summary>
/// <c>GET /reports/{period}/{file}</c>: a county's or region's roll-up workbook, for those signed in
/// who may see that area (the link in the roll-up email; signing in first, then the download).
/// </summary>
public static class ReportPages
{
    internal static async Task<IResult> DownloadAsync(
        string period, string file, HttpRequest request, CallerAuthenticator auth, SessionCookie session, IRollupStore store, RollupService rollups, ReferenceData reference, CancellationToken ct)
    {
        var (caller, signIn) = SignInPages.Require(request, auth, session);
        if (caller is null)
        {
            return signIn!;
        }

        var content = rollups.ReportScope(period, file) is { } scope && AggregatesApi.Allowed(caller, scope, reference)
            ? await store.GetReportAsync($"{period}/{file}", ct).ConfigureAwait(false)
            : null;
        return content is null
            ? Page.Of<NotFound>(caller, new { What = "There is no roll-up workbook at this address that you can see. A roll-up writes its workbooks when it runs; check the link in the email." }, StatusCodes.Status404NotFound)
            : Results.File(content, ExcelExport.ContentType, file);
    }
}
