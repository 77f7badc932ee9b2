using BetterCare.Returns.Findings;

namespace BetterCare.Returns.Tests.Rules;

public class DfgPassThroughRuleTests
{
    [Fact]
    public void DistrictAllocationsShortOfTheDfgSchemeAreReportedWithBothFigures()
    {
        var report = TestFiles.Validate("dfg-pass-through-mismatch.xlsx");

        var finding = Reported.Once(report, FindingCode.DfgPassThrough, Severity.Error, "DFG", "B6");
        Reported.States(finding, "£2,000,000", "£2,400,000", "£400,000");
        Reported.NothingElse(report, FindingCode.DfgPassThrough);
    }

    [Fact]
    public void DistrictAllocationsMatchingTheDfgSchemeAreNotReported()
    {
        Reported.Nothing(TestFiles.Validate("dfg-pass-through-agrees.xlsx"));
    }
}
