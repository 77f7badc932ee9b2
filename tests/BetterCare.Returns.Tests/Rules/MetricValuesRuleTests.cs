using BetterCare.Returns.Findings;

namespace BetterCare.Returns.Tests.Rules;

public class MetricValuesRuleTests
{
    [Fact]
    public void PlanWrittenInWordsIsAnErrorQuotingIt()
    {
        var report = TestFiles.Validate("metric-not-a-number.xlsx");

        var finding = Reported.Once(report, FindingCode.FieldInvalid, Severity.Error, "Metrics", "C6");
        Reported.States(finding, "'top quartile'", "'Reablement'");
        Reported.NothingElse(report, FindingCode.FieldInvalid);
    }

    [Fact]
    public void PercentagePlanIsANumber()
    {
        // The clean return's reablement plan is "88.6%".
        Assert.Empty(TestFiles.Validate("clean-return.xlsx").WithCode(FindingCode.FieldInvalid));
    }
}
