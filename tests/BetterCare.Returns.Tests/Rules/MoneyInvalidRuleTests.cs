using BetterCare.Returns.Findings;

namespace BetterCare.Returns.Tests.Rules;

public class MoneyInvalidRuleTests
{
    [Theory]
    [InlineData("Contributions", "G4", "'£214,00'")]
    [InlineData("Schemes", "H4", "'12.3.4'")]
    [InlineData("Schemes", "H5", "'about 5m'")]
    public void TextThatIsNotMoneyIsAnErrorQuotingItAsWritten(string sheet, string cell, string written)
    {
        var report = TestFiles.Validate("money-invalid-text.xlsx");

        var finding = Reported.At(report, FindingCode.MoneyInvalid, Severity.Error, sheet, cell);
        Reported.States(finding, written, "Actual to date");
    }

    [Fact]
    public void InvalidTextIsReportedOnceAndNotAsMissingOrAsABadTotal()
    {
        var report = TestFiles.Validate("money-invalid-text.xlsx");

        Assert.Equal(3, report.WithCode(FindingCode.MoneyInvalid).Count());
        Reported.NothingElse(report, FindingCode.MoneyInvalid);
    }
}
