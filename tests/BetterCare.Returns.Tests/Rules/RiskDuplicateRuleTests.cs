using BetterCare.Returns.Findings;

namespace BetterCare.Returns.Tests.Rules;

public class RiskDuplicateRuleTests
{
    [Fact]
    public void RiskNumberUsedTwiceIsAWarningAtTheSecondUseWithBothRows()
    {
        var report = TestFiles.Validate("risk-duplicate-number.xlsx");

        var finding = Reported.Once(report, FindingCode.RiskDuplicate, Severity.Warning, "Risks", "A7");
        Reported.States(finding, "Risk number 3", "rows 6 and 7");
        Assert.True(report.IsValid);
        Reported.NothingElse(report, FindingCode.RiskDuplicate);
    }

    [Fact]
    public void EssexPlansRepeatedRiskThreeIsReported()
    {
        var report = TestFiles.Validate("essex-plan-discrepancies.xlsx");

        var finding = Reported.Once(report, FindingCode.RiskDuplicate, Severity.Warning, "Risks", "A7");
        Reported.States(finding, "Risk number 3");
    }

    [Fact]
    public void UnnumberedRisksAreNotDuplicates()
    {
        Assert.Empty(TestFiles.Validate("clean-return.xlsx").WithCode(FindingCode.RiskDuplicate));
    }
}
