using BetterCare.Returns.Findings;

namespace BetterCare.Returns.Tests.Rules;

public class PartnerBelowMinimumRuleTests
{
    [Fact]
    public void EachPartnerBelowItsReferenceMinimumIsReportedWithTheShortfallAndSource()
    {
        var report = TestFiles.Validate("partner-below-reference-minimum.xlsx");

        var ccg = Reported.At(report, FindingCode.PartnerBelowMinimum, Severity.Error, "Contributions", "F4");
        Reported.States(ccg, "North East Lincolnshire CCG", "£11,400,000", "2018-19", "£11,600,000", "£200,000", "004 NE Lincolnshire");
        var council = Reported.At(report, FindingCode.PartnerBelowMinimum, Severity.Error, "Contributions", "F5");
        Reported.States(council, "North East Lincolnshire Council", "£6,500,000", "£8,200,000", "£1,700,000");
        Assert.Equal(2, report.WithCode(FindingCode.PartnerBelowMinimum).Count());
        Reported.NothingElse(report, FindingCode.PartnerBelowMinimum);
    }

    [Fact]
    public void PartnerOutsideTheReferenceDataIsInformationOnly()
    {
        var report = TestFiles.Validate("partner-unlisted.xlsx");

        var finding = Reported.Once(report, FindingCode.PartnerUnlisted, Severity.Info, "Contributions", "A4");
        Reported.States(finding, "NHS North East Lincs CCG");
        Assert.True(report.IsValid);
        Reported.NothingElse(report);
    }

    [Fact]
    public void PartnersMeetingTheirMinimumsAreNotReported()
    {
        Reported.Nothing(TestFiles.Validate("clean-return.xlsx"));
    }
}
