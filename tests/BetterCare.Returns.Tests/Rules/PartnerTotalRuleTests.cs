using BetterCare.Returns.Findings;

namespace BetterCare.Returns.Tests.Rules;

public class PartnerTotalRuleTests
{
    [Fact]
    public void MinimumPlusAdditionalNotMatchingTheTotalIsReportedWithAllThreeFigures()
    {
        var report = TestFiles.Validate("partner-total-mismatch.xlsx");

        var finding = Reported.Once(report, FindingCode.PartnerTotal, Severity.Error, "Contributions", "F4");
        Reported.States(finding, "North East Lincolnshire CCG", "£11,400,000", "£500,000", "£11,900,000");
        Reported.NothingElse(report, FindingCode.PartnerTotal);
    }

    [Fact]
    public void PartnersWhoseFiguresAddUpAreNotReported()
    {
        Assert.Empty(TestFiles.Validate("additional-contributions-clean.xlsx").WithCode(FindingCode.PartnerTotal));
    }
}
