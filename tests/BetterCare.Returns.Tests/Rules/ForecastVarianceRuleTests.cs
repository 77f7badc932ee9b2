using BetterCare.Returns.Findings;

namespace BetterCare.Returns.Tests.Rules;

public class ForecastVarianceRuleTests
{
    [Fact]
    public void ForecastMoreThanFivePercentOverPlanIsAWarningWithTheShare()
    {
        var report = TestFiles.Validate("forecast-variance.xlsx");

        var finding = Reported.Once(report, FindingCode.ForecastVariance, Severity.Warning, "Schemes", "I4");
        Reported.States(finding, "NEL01", "£3,600,000", "£3,200,000", "£400,000", "12.5%");
        Reported.NothingElse(report, FindingCode.ForecastVariance);
    }

    [Fact]
    public void ForecastExactlyFivePercentOverPlanIsNotReported()
    {
        // £75,000 on £1,500,000: beyond the figures' rounding (±£50,500), so the 5% threshold decides.
        Reported.Nothing(TestFiles.Validate("forecast-variance-at-5-percent.xlsx"));
    }

    [Fact]
    public void ForecastJustOverFivePercentIsReported()
    {
        var report = TestFiles.Validate("forecast-variance-just-over-5-percent.xlsx");

        var finding = Reported.Once(report, FindingCode.ForecastVariance, Severity.Warning, "Schemes", "I8");
        Reported.States(finding, "NEL05", "£1,576,000", "£1,500,000", "£76,000", "5.1%");
        Reported.NothingElse(report, FindingCode.ForecastVariance);
    }
}
