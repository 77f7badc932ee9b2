using BetterCare.Returns.Findings;

namespace BetterCare.Returns.Tests.Rules;

public class MoneyMissingRuleTests
{
    [Theory]
    [InlineData("Contributions", "G4", "'TBC'")]
    [InlineData("Schemes", "H4", "'£TBCM'")]
    [InlineData("Schemes", "H5", "'n/a'")]
    [InlineData("Schemes", "H6", "blank")]
    public void FigureStillToComeIsAWarningSayingWhatWasWritten(string sheet, string cell, string written)
    {
        var report = TestFiles.Validate("money-tbc.xlsx");

        var finding = Reported.At(report, FindingCode.MoneyMissing, Severity.Warning, sheet, cell);
        Reported.States(finding, written);
    }

    [Fact]
    public void MissingFiguresAreNotZeroSoTheirColumnTotalsAreNotChecked()
    {
        var report = TestFiles.Validate("money-tbc.xlsx");

        Assert.True(report.IsValid);
        Assert.Equal(4, report.WithCode(FindingCode.MoneyMissing).Count());
        Reported.NothingElse(report, FindingCode.MoneyMissing);
    }
}
