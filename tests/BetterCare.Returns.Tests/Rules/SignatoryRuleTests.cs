using BetterCare.Returns.Findings;

namespace BetterCare.Returns.Tests.Rules;

public class SignatoryRuleTests
{
    [Fact]
    public void PlaceholderNameIsAMissingSignatoryQuotingThePlaceholder()
    {
        var report = TestFiles.Validate("signatory-placeholder.xlsx");

        var finding = Reported.Once(report, FindingCode.SignatoryMissing, Severity.Error, "Sign-off", "C4");
        Reported.States(finding, "North East Lincolnshire CCG", "'<Name of Signatory>'");
        Reported.NothingElse(report, FindingCode.SignatoryMissing);
    }

    [Fact]
    public void PartnerWithNoSignatoryRowIsReportedOnceByName()
    {
        var report = TestFiles.Validate("signatory-missing-row.xlsx");

        var finding = Reported.Once(report, FindingCode.SignatoryMissing, Severity.Error, "Sign-off", "A3");
        Reported.States(finding, "North East Lincolnshire Council");
        Reported.NothingElse(report, FindingCode.SignatoryMissing);
    }

    [Fact]
    public void BoardWithNoChairRowIsReported()
    {
        var report = TestFiles.Validate("signatory-hwb-chair-missing.xlsx");

        var finding = Reported.Once(report, FindingCode.SignatoryMissing, Severity.Error, "Sign-off", "A3");
        Reported.States(finding, "North East Lincolnshire Health and Wellbeing Board chair");
        Reported.NothingElse(report, FindingCode.SignatoryMissing);
    }

    [Fact]
    public void EssexPlaceholderSignatoriesAreReportedOncePerOrganisation()
    {
        var report = TestFiles.Validate("essex-plan-discrepancies.xlsx");

        // Five CCGs, the county council and the board chair.
        Assert.Equal(7, report.WithCode(FindingCode.SignatoryMissing).Count());
        var council = Reported.At(report, FindingCode.SignatoryMissing, Severity.Error, "Sign-off", "C9");
        Reported.States(council, "Essex County Council", "'<Name of Signatory>'", "'<Job Title>'", "email");
    }
}
