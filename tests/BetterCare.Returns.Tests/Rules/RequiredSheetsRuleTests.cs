using BetterCare.Returns.Findings;

namespace BetterCare.Returns.Tests.Rules;

public class RequiredSheetsRuleTests
{
    [Fact]
    public void MissingSchemesSheetIsAnErrorNamingTheSheet()
    {
        var report = TestFiles.Validate("sheet-missing-schemes.xlsx");

        var finding = Reported.Once(report, FindingCode.SheetMissing, Severity.Error, "Schemes", null);
        Reported.States(finding, "'Schemes'");
        Reported.NothingElse(report, FindingCode.SheetMissing);
    }

    [Fact]
    public void MissingSignOffSheetIsAnErrorNamingTheSheet()
    {
        var report = TestFiles.Validate("sheet-missing-sign-off.xlsx");

        var finding = Reported.Once(report, FindingCode.SheetMissing, Severity.Error, "Sign-off", null);
        Reported.States(finding, "'Sign-off'");
        Reported.NothingElse(report, FindingCode.SheetMissing);
    }

    [Fact]
    public void OptionalSheetsMayBeLeftOut()
    {
        // The clean return has no DFG sheet.
        Assert.Empty(TestFiles.Validate("clean-return.xlsx").WithCode(FindingCode.SheetMissing));
    }
}
