using BetterCare.Returns.Findings;

namespace BetterCare.Returns.Tests.Rules;

public class ChoicesRuleTests
{
    [Fact]
    public void SchemeTypeOutsideTheListIsAnErrorListingTheChoices()
    {
        var report = TestFiles.Validate("choice-invalid-scheme-type.xlsx");

        var finding = Reported.Once(report, FindingCode.FieldInvalid, Severity.Error, "Schemes", "C8");
        Reported.States(finding, "'Seven day services'", "Community services", "Disabled Facilities Grant");
        Reported.NothingElse(report, FindingCode.FieldInvalid);
    }

    [Fact]
    public void PartnerTypeOutsideTheListIsAnError()
    {
        var report = TestFiles.Validate("choice-invalid-partner-type.xlsx");

        var finding = Reported.Once(report, FindingCode.FieldInvalid, Severity.Error, "Contributions", "B5");
        Reported.States(finding, "'Unitary authority'", "Local authority");
        Reported.NothingElse(report, FindingCode.FieldInvalid);
    }

    [Fact]
    public void ConditionMetOtherThanYesNoOrPartiallyIsAnError()
    {
        var report = TestFiles.Validate("choice-invalid-met.xlsx");

        var finding = Reported.Once(report, FindingCode.FieldInvalid, Severity.Error, "National Conditions", "B7");
        Reported.States(finding, "'Mostly'", "Yes, No, Partially");
        Reported.NothingElse(report, FindingCode.FieldInvalid);
    }

    [Fact]
    public void SchemeIdUsedTwiceIsReportedAtTheSecondUseWithBothRows()
    {
        var report = TestFiles.Validate("scheme-id-duplicate.xlsx");

        var finding = Reported.Once(report, FindingCode.FieldInvalid, Severity.Error, "Schemes", "A9");
        Reported.States(finding, "'NEL05'", "rows 8 and 9");
        Reported.NothingElse(report, FindingCode.FieldInvalid);
    }
}
