using BetterCare.Returns.Findings;

namespace BetterCare.Returns.Tests.Rules;

public class ColumnTotalRuleTests
{
    [Fact]
    public void AdditionalColumnOffBy13kIsReportedWithBothFigures()
    {
        var report = TestFiles.Validate("column-total-additional-off-by-13k.xlsx");

        var finding = Reported.Once(report, FindingCode.ColumnTotal, Severity.Error, "Contributions", "E6");
        Assert.Equal(
            "Additional contribution column sums to £1,253,000 but the Total row states £1,266,000 (difference £13,000).",
            finding.Message);
        Reported.NothingElse(report, FindingCode.ColumnTotal);
    }

    [Fact]
    public void EssexPlansAdditionalColumnIsReportedAsTheSpecWordsIt()
    {
        var report = TestFiles.Validate("essex-plan-discrepancies.xlsx");

        var finding = Reported.At(report, FindingCode.ColumnTotal, Severity.Error, "Contributions", "E10");
        Assert.Equal(
            "Additional contribution column sums to £1,253,000 but the Total row states £1,266,000 (difference £13,000).",
            finding.Message);
    }

    [Fact]
    public void DifferenceWithinHalfTheStepsIsNotReported()
    {
        // Two £1,000-step rows against a £1,000-step total: ±£1,500; the total is £1,000 off.
        Reported.Nothing(TestFiles.Validate("column-total-within-rounding.xlsx"));
    }

    [Fact]
    public void DifferenceJustBeyondHalfTheStepsIsReported()
    {
        var report = TestFiles.Validate("column-total-just-beyond-rounding.xlsx");

        var finding = Reported.Once(report, FindingCode.ColumnTotal, Severity.Error, "Contributions", "E6");
        Reported.States(finding, "£1,253,000", "£1,255,000", "£2,000");
        Reported.NothingElse(report, FindingCode.ColumnTotal);
    }

    [Fact]
    public void ColumnsThatAddUpAreNotReported()
    {
        Reported.Nothing(TestFiles.Validate("additional-contributions-clean.xlsx"));
    }
}
