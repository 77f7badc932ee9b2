using BetterCare.Returns.Findings;

namespace BetterCare.Returns.Tests.Rules;

public class PoolBelowMinimumRuleTests
{
    [Fact]
    public void PoolBelowTheMinimumIsReportedWithTheShortfall()
    {
        var report = TestFiles.Validate("pool-below-minimum.xlsx");

        var finding = Reported.Once(report, FindingCode.PoolBelowMinimum, Severity.Error, "Cover", "B10");
        Reported.States(finding, "£17,900,000", "£18,500,000", "£600,000");
        // A minimum above the pool is also a minimum the partners' minimums do not add up to.
        Reported.Once(report, FindingCode.CoverMinimum, Severity.Error, "Cover", "B9");
        Reported.NothingElse(report, FindingCode.PoolBelowMinimum, FindingCode.CoverMinimum);
    }

    [Fact]
    public void PoolAboveTheMinimumIsNotReported()
    {
        Assert.Empty(TestFiles.Validate("additional-contributions-clean.xlsx").WithCode(FindingCode.PoolBelowMinimum));
    }
}
