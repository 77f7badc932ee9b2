using BetterCare.Returns.Findings;

namespace BetterCare.Returns.Tests.Rules;

public class TemplateVersionRuleTests
{
    [Fact]
    public void UnknownVersionIsAnErrorQuotingWhatWasWritten()
    {
        var report = TestFiles.Validate("template-version-unknown.xlsx");

        var finding = Reported.Once(report, FindingCode.TemplateVersion, Severity.Error, "Cover", "B3");
        Reported.States(finding, "'BCF-QR-2'", "BCF-QR-1");
        Reported.NothingElse(report, FindingCode.TemplateVersion);
    }

    [Fact]
    public void BlankVersionIsAnErrorPointingWhereTheVersionBelongs()
    {
        var report = TestFiles.Validate("template-version-missing.xlsx");

        var finding = Reported.Once(report, FindingCode.TemplateVersion, Severity.Error, "Cover", "B3");
        Reported.States(finding, "BCF-QR-1");
        Reported.NothingElse(report, FindingCode.TemplateVersion);
    }
}
