using BetterCare.Returns.Findings;

namespace BetterCare.Returns.Tests.Rules;

public class PoolBelowMinimumRuleTests
{
    [Fact]
    public void PoolBelowTheMinimumIsReportedWithTheShortfall()
    {
        var report = TestFiles.Validate("pool-below-minimum.xlsx");

        // Stated where the pool is added up: the contributions' Total row.
        var finding = Reported.Once(report, FindingCode.PoolBelowMinimum, Severity.Error, "Contributions", "F6");
        Reported.States(finding, "contributions on Contributions add up to a pooled budget of £17,900,000", "£18,500,000", "£600,000");
        // A minimum above the pool is also a minimum the partners' minimums do not add up to.
        Reported.Once(report, FindingCode.CoverMinimum, Severity.Error, "Cover", "B9");
        Reported.NothingElse(report, FindingCode.PoolBelowMinimum, FindingCode.CoverMinimum);
    }

    [Fact]
    public void ACoverTotalThatDisagreesWithContributionsMeetingTheMinimumIsOneFinding()
    {
        // Southend 2017-18 with its minimum stated as £17.448M: the Cover's total of £17.439M is a
        // typo the contributions (£17.448M, the minimum exactly) do not share.
        var report = TestFiles.Validate("cover-total-typo-pool-meets-minimum.xlsx");

        Reported.States(Reported.Once(report, FindingCode.CoverTotal, Severity.Error, "Cover", "B10"), "£17,439,000", "£17,448,000", "£9,000");
        Assert.Empty(report.WithCode(FindingCode.PoolBelowMinimum));
        Assert.Empty(report.WithCode(FindingCode.CoverMinimum));
    }

    [Fact]
    public void PoolAboveTheMinimumIsNotReported()
    {
        Assert.Empty(TestFiles.Validate("additional-contributions-clean.xlsx").WithCode(FindingCode.PoolBelowMinimum));
    }
}
