using BetterCare.Returns.Findings;

namespace BetterCare.Returns.Tests.Rules;

public class ContactDetailsRuleTests
{
    [Fact]
    public void SignatoryEmailThatIsNotAnAddressIsAnError()
    {
        var report = TestFiles.Validate("signatory-bad-email.xlsx");

        var finding = Reported.Once(report, FindingCode.FieldInvalid, Severity.Error, "Sign-off", "E4");
        Reported.States(finding, "'cfo at nelccg.example'", "North East Lincolnshire CCG");
        Reported.NothingElse(report, FindingCode.FieldInvalid);
    }

    [Fact]
    public void DateSignedThatIsNoDayIsAnError()
    {
        var report = TestFiles.Validate("signatory-bad-date.xlsx");

        var finding = Reported.Once(report, FindingCode.FieldInvalid, Severity.Error, "Sign-off", "F4");
        Reported.States(finding, "'31/02/2017'", "North East Lincolnshire CCG");
        Reported.NothingElse(report, FindingCode.FieldInvalid);
    }

    [Fact]
    public void MalformedEmailIsNotAlsoAMissingSignatory()
    {
        Assert.Empty(TestFiles.Validate("signatory-bad-email.xlsx").WithCode(FindingCode.SignatoryMissing));
    }
}
