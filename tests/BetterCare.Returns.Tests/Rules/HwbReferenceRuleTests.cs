using BetterCare.Returns.Findings;

namespace BetterCare.Returns.Tests.Rules;

public class HwbReferenceRuleTests
{
    [Fact]
    public void WellFormedHwbCodeOutsideTheReferenceDataIsInformationOnly()
    {
        var report = TestFiles.Validate("hwb-unlisted.xlsx");

        var finding = Reported.Once(report, FindingCode.HwbUnlisted, Severity.Info, "Cover", "B5");
        Reported.States(finding, "E06000013");
        Assert.True(report.IsValid);
        Reported.NothingElse(report);
    }

    [Fact]
    public void ListedHwbIsNotReported()
    {
        Assert.Empty(TestFiles.Validate("clean-return.xlsx").WithCode(FindingCode.HwbUnlisted));
    }
}
