using BetterCare.Returns.Findings;

namespace BetterCare.Returns.Tests.Rules;

public class RiskScoreRuleTests
{
    [Fact]
    public void OverallThatIsNotLikelihoodTimesImpactIsAWarningWithTheSum()
    {
        var report = TestFiles.Validate("risk-score-wrong.xlsx");

        var finding = Reported.Once(report, FindingCode.RiskScore, Severity.Warning, "Risks", "E4");
        Reported.States(finding, "row 4", "10", "3 × impact 4 = 12");
        Reported.NothingElse(report, FindingCode.RiskScore);
    }

    [Fact]
    public void LikelihoodOutsideOneToFiveIsAWarning()
    {
        var report = TestFiles.Validate("risk-score-out-of-range.xlsx");

        var finding = Reported.Once(report, FindingCode.RiskScore, Severity.Warning, "Risks", "C5");
        Reported.States(finding, "likelihood is 6", "1 to 5");
        Reported.NothingElse(report, FindingCode.RiskScore);
    }

    [Fact]
    public void ScoreInWordsIsAnInvalidField()
    {
        var report = TestFiles.Validate("risk-score-not-a-number.xlsx");

        var finding = Reported.Once(report, FindingCode.FieldInvalid, Severity.Error, "Risks", "D6");
        Reported.States(finding, "impact", "'major'");
        Reported.NothingElse(report, FindingCode.FieldInvalid);
    }
}
