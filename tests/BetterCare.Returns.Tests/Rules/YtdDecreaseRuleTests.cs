using BetterCare.Returns.Findings;
using BetterCare.Returns.Validation;

namespace BetterCare.Returns.Tests.Rules;

public class YtdDecreaseRuleTests
{
    [Fact]
    public void ActualToDateBelowThePreviousQuarterIsAWarningWithBothFigures()
    {
        var q2 = TestFiles.Check("clean-return.xlsx").Return!;
        var q3 = TestFiles.Check("ytd-decrease-q3.xlsx").Return!;

        var report = new ReturnValidator(TestFiles.Reference).Validate(q3, q2);

        var finding = Reported.Once(report, FindingCode.YtdDecrease, Severity.Warning, "Contributions", "G4");
        Reported.States(finding, "North East Lincolnshire CCG", "£5,000,000", "£5,700,000", "£700,000", "2017-18-Q2");
        Reported.NothingElse(report, FindingCode.YtdDecrease);
    }

    [Fact]
    public void WithoutThePreviousQuarterNothingIsCompared()
    {
        Reported.Nothing(TestFiles.Validate("ytd-decrease-q3.xlsx"));
    }

    [Fact]
    public void ReturnThatIsNotTheNextQuarterIsNotCompared()
    {
        var q2 = TestFiles.Check("clean-return.xlsx").Return!;
        var q3 = TestFiles.Check("ytd-decrease-q3.xlsx").Return!;

        var report = new ReturnValidator(TestFiles.Reference).Validate(q2, q3);

        Assert.Empty(report.WithCode(FindingCode.YtdDecrease));
    }
}
