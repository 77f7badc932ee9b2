using BetterCare.Returns.Findings;

namespace BetterCare.Returns.Tests.Rules;

public class SchemeAllocationRuleTests
{
    [Fact]
    public void PlannedSpendOverThePoolIsAnErrorWithTheExcess()
    {
        var report = TestFiles.Validate("schemes-overcommitted.xlsx");

        var finding = Reported.Once(report, FindingCode.SchemesOvercommitted, Severity.Error, "Schemes", "G14");
        Reported.States(finding, "£20,400,000", "£17,900,000", "£2,500,000");
        Reported.NothingElse(report, FindingCode.SchemesOvercommitted);
    }

    [Fact]
    public void PlannedSpendUnderThePoolIsAWarningWithWhatIsLeft()
    {
        var report = TestFiles.Validate("schemes-unallocated.xlsx");

        var finding = Reported.Once(report, FindingCode.SchemesUnallocated, Severity.Warning, "Schemes", "G12");
        Reported.States(finding, "£13,800,000", "£17,900,000", "£4,100,000");
        Assert.True(report.IsValid);
        Reported.NothingElse(report, FindingCode.SchemesUnallocated);
    }
}
