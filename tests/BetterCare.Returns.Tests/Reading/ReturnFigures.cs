using BetterCare.Returns.Model;

namespace BetterCare.Returns.Tests.Reading;

/// <summary>What a return says, without where it says it: to compare a rearranged workbook with the clean one.</summary>
internal static class ReturnFigures
{
    public static IReadOnlyList<string> Of(QuarterlyReturn parsed) =>
    [
        $"cover {parsed.Cover!.HwbCode} {parsed.Cover.Period} min {parsed.Cover.MinimumRequired!.Value.Amount.Pence} total {parsed.Cover.TotalAgreed!.Value.Amount.Pence}",
        .. parsed.Contributions!.Rows.Select(p =>
            $"partner {p.Name} {p.PartnerType.Text} {p.Code} {Pence(p.Minimum)} {Pence(p.Additional)} {Pence(p.Total)} {Pence(p.ActualToDate)} {Pence(p.Forecast)}"),
        .. parsed.Schemes!.Rows.Select(s =>
            $"scheme {s.SchemeId.Text} {s.SchemeName.Text} {s.SchemeType.Text} {s.FundingPartner.Text} {Pence(s.Planned)} {Pence(s.ActualToDate)} {Pence(s.Forecast)}"),
        .. parsed.SignOff!.Rows.Select(s => $"signatory {s.Organisation.Text} {s.SigningFor.Text} {s.Name.Text} {s.Email.Text}"),
        .. parsed.Conditions!.Rows.Select(c => $"condition {c.Condition.Text} {c.Met.Text}"),
        .. parsed.Risks!.Rows.Select(r => $"risk {r.Risk.Text} {r.Likelihood.Text} {r.Impact.Text} {r.Overall.Text}"),
    ];

    public static IReadOnlyList<string> OfCleanReturn() => Of(TestFiles.Check("clean-return.xlsx").Return!);

    private static string Pence(MoneyCell cell) => cell.HasValue ? cell.Amount.Pence.ToString(System.Globalization.CultureInfo.InvariantCulture) : cell.Reading.Kind.ToString();
}
