using BetterCare.Returns.Findings;

namespace BetterCare.Returns.Tests.Rules;

public class CoverTotalRuleTests
{
    [Fact]
    public void CoverTotalDifferentFromContributionsIsReportedWithBothFiguresAndTheDifference()
    {
        var report = TestFiles.Validate("cover-total-disagrees.xlsx");

        var finding = Reported.Once(report, FindingCode.CoverTotal, Severity.Error, "Cover", "B10");
        Reported.States(finding, "£18,200,000", "£17,900,000", "£300,000");
        Reported.NothingElse(report, FindingCode.CoverTotal);
    }

    [Fact]
    public void EssexCoverTotalOffByMoreThanTheRoundingIsReported()
    {
        // £98,905,799 (£1 step) against six £000s totals (±£3,000.50): £4,201 apart.
        var report = TestFiles.Validate("essex-plan-discrepancies.xlsx");

        var finding = Reported.Once(report, FindingCode.CoverTotal, Severity.Error, "Cover", "B10");
        Reported.States(finding, "£98,905,799", "£98,910,000", "£4,201");
    }
}
