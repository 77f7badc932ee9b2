using BetterCare.Returns.Findings;

namespace BetterCare.Returns.Tests.Rules;

public class RequiredFieldsRuleTests
{
    [Fact]
    public void BlankCompletedByIsAnErrorAtTheEmptyValueCell()
    {
        var report = TestFiles.Validate("cover-completed-by-missing.xlsx");

        var finding = Reported.Once(report, FindingCode.FieldMissing, Severity.Error, "Cover", "B11");
        Reported.States(finding, "'Completed by'");
        Reported.NothingElse(report, FindingCode.FieldMissing);
    }

    [Fact]
    public void PlaceholderEmailCountsAsMissingAndIsQuoted()
    {
        var report = TestFiles.Validate("cover-email-placeholder.xlsx");

        var finding = Reported.Once(report, FindingCode.FieldMissing, Severity.Error, "Cover", "B12");
        Reported.States(finding, "'<email>'", "placeholder");
        Reported.NothingElse(report, FindingCode.FieldMissing);
    }

    [Fact]
    public void MissingColumnIsReportedOnceAtTheHeaderNotOncePerRow()
    {
        var report = TestFiles.Validate("column-missing-partner-type.xlsx");

        var finding = Reported.Once(report, FindingCode.FieldMissing, Severity.Error, "Contributions", "A3");
        Reported.States(finding, "'Partner type'");
        Reported.NothingElse(report, FindingCode.FieldMissing);
    }
}
