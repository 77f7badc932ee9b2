using BetterCare.Returns.Findings;

namespace BetterCare.Returns.Tests.Rules;

public class CoverFieldsRuleTests
{
    [Fact]
    public void MalformedHwbCodeIsAnErrorQuotingTheCode()
    {
        var report = TestFiles.Validate("cover-hwb-code-malformed.xlsx");

        var finding = Reported.Once(report, FindingCode.FieldInvalid, Severity.Error, "Cover", "B5");
        Reported.States(finding, "'E6000012'", "six digits");
        Reported.NothingElse(report, FindingCode.FieldInvalid);
    }

    [Fact]
    public void QuarterOutsideOneToFourIsAnError()
    {
        var report = TestFiles.Validate("cover-quarter-invalid.xlsx");

        var finding = Reported.Once(report, FindingCode.FieldInvalid, Severity.Error, "Cover", "B7");
        Reported.States(finding, "'Q5'");
        Reported.NothingElse(report, FindingCode.FieldInvalid);
    }

    [Fact]
    public void FinancialYearSpanningTwoYearsIsAnError()
    {
        var report = TestFiles.Validate("cover-year-invalid.xlsx");

        var finding = Reported.Once(report, FindingCode.FieldInvalid, Severity.Error, "Cover", "B6");
        Reported.States(finding, "'2017-19'");
        Reported.NothingElse(report, FindingCode.FieldInvalid);
    }
}
