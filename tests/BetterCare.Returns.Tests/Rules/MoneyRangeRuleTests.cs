using BetterCare.Returns.Findings;

namespace BetterCare.Returns.Tests.Rules;

public class MoneyRangeRuleTests
{
    [Fact]
    public void NegativeAdditionalContributionIsAnErrorWithTheAmount()
    {
        var report = TestFiles.Validate("money-negative-not-allowed.xlsx");

        var finding = Reported.Once(report, FindingCode.MoneyRange, Severity.Error, "Contributions", "E4");
        Reported.States(finding, "'(0.05)'", "-£50,000", "cannot be negative");
        Reported.NothingElse(report, FindingCode.MoneyRange);
    }

    [Fact]
    public void NegativeActualToDateIsAllowed()
    {
        Reported.Nothing(TestFiles.Validate("money-negative-actual-allowed.xlsx"));
    }

    [Fact]
    public void FigureOver100MillionIsAnErrorWithTheAmountAndTheLimit()
    {
        var report = TestFiles.Validate("money-over-100m.xlsx");

        var row = Reported.At(report, FindingCode.MoneyRange, Severity.Error, "Contributions", "G4");
        Reported.States(row, "£105,700,000", "£100,000,000");
        var total = Reported.At(report, FindingCode.MoneyRange, Severity.Error, "Contributions", "G6");
        Reported.States(total, "£109,000,000", "£100,000,000");
        Assert.Equal(2, report.WithCode(FindingCode.MoneyRange).Count());
        Reported.NothingElse(report, FindingCode.MoneyRange);
    }
}
