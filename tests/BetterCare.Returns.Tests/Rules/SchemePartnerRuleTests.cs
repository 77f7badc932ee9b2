using BetterCare.Returns.Findings;

namespace BetterCare.Returns.Tests.Rules;

public class SchemePartnerRuleTests
{
    [Fact]
    public void SchemeFundedByABodyNotInContributionsIsAnErrorListingThePartners()
    {
        var report = TestFiles.Validate("scheme-partner-unknown.xlsx");

        var finding = Reported.Once(report, FindingCode.SchemePartnerUnknown, Severity.Error, "Schemes", "D6");
        Reported.States(finding, "NEL03", "'Lincolnshire County Council'", "North East Lincolnshire CCG", "North East Lincolnshire Council");
        Reported.NothingElse(report, FindingCode.SchemePartnerUnknown);
    }

    [Fact]
    public void PartnerRenamedConsistentlyStillFundsItsSchemes()
    {
        Assert.Empty(TestFiles.Validate("partner-unlisted.xlsx").WithCode(FindingCode.SchemePartnerUnknown));
    }
}
