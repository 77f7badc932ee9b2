using BetterCare.App.Auth;
using BetterCare.App.Pages.SignIn;
using BetterCare.Returns.Model;
using BetterCare.Returns.Reference;
using BetterCare.Workbooks;

namespace BetterCare.App.Pages.Templates;

/// <summary>
/// <c>GET /periods/{period}/template</c>: the quarterly workbook for the signed-in lead's board and
/// that period, pre-filled from the reference data (the board, its partners and their minimum
/// contributions, a signatory row for each). Anyone else, an unknown period, or a board without
/// reference data gets a page saying so.
/// </summary>
public static class TemplatePages
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    internal static IResult Download(string period, HttpRequest request, CallerAuthenticator auth, SessionCookie session, ReferenceData reference)
    {
        var (caller, signIn) = SignInPages.Require(request, auth, session);
        if (caller is null)
        {
            return signIn!;
        }

        if (!ReturnPeriod.TryParse(period, out var parsed))
        {
            return Shared.Page.Of<Shared.NotFound>(caller, new { What = $"There is no period called '{period}'. Periods are written like 2017-18-Q2." }, StatusCodes.Status404NotFound);
        }

        if (caller.Role != Role.HwbLead || caller.Scope is not { } hwb || reference.Area(hwb) is null)
        {
            return Shared.Page.Of<Shared.NotFound>(caller, new { What = "Templates are made for a board's lead, pre-filled with the board's partners." }, StatusCodes.Status404NotFound);
        }

        var draft = TemplateBuilder.Build(reference, hwb, parsed.Year, parsed.Quarter);
        using var stream = new MemoryStream();
        WorkbookWriter.Write(ReturnWorkbook.Build(draft), stream);
        return Results.File(stream.ToArray(), ContentType, $"{hwb}-{parsed}-quarterly-return.xlsx");
    }
}
