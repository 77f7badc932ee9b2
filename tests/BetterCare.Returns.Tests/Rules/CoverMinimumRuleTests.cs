using BetterCare.Returns.Findings;

namespace BetterCare.Returns.Tests.Rules;

public class CoverMinimumRuleTests
{
    [Fact]
    public void CoverMinimumDifferentFromMinimumContributionsIsReportedWithBothFigures()
    {
        var report = TestFiles.Validate("cover-minimum-disagrees.xlsx");

        var finding = Reported.Once(report, FindingCode.CoverMinimum, Severity.Error, "Cover", "B9");
        Reported.States(finding, "£17,500,000", "£17,900,000", "£400,000");
        Reported.NothingElse(report, FindingCode.CoverMinimum);
    }

    [Fact]
    public void CoverMinimumMatchingThePartnersMinimumsIsNotReported()
    {
        Assert.Empty(TestFiles.Validate("additional-contributions-clean.xlsx").WithCode(FindingCode.CoverMinimum));
    }
}
