using BetterCare.Returns.Findings;

namespace BetterCare.Returns.Tests.Rules;

public class NationalConditionsRuleTests
{
    [Fact]
    public void ConditionPartiallyMetWithCommentaryIsAWarningQuotingTheCommentary()
    {
        var report = TestFiles.Validate("condition-not-met-with-commentary.xlsx");

        var finding = Reported.Once(report, FindingCode.ConditionNotMet, Severity.Warning, "National Conditions", "B7");
        Reported.States(finding, "Managing transfers of care", "'Partially'", "DToC plan in place");
        Assert.True(report.IsValid);
        Reported.NothingElse(report, FindingCode.ConditionNotMet);
    }

    [Fact]
    public void ConditionNotMetWithoutCommentaryIsAnErrorAtTheEmptyCommentary()
    {
        var report = TestFiles.Validate("condition-not-met-without-commentary.xlsx");

        var finding = Reported.Once(report, FindingCode.ConditionNotMet, Severity.Error, "National Conditions", "C7");
        Reported.States(finding, "Managing transfers of care", "'No'", "no commentary");
        Reported.NothingElse(report, FindingCode.ConditionNotMet);
    }
}
