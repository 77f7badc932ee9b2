using BetterCare.Returns.Findings;
using BetterCare.Workbooks;

namespace BetterCare.Returns.Tests.Rules;

public class FieldLimitsRuleTests
{
    [Fact]
    public void AnHwbNameLongerThanItsFieldIsAnErrorThatQuotesOnlyItsStart()
    {
        var report = Drafts.Validate(d => d.HwbName = new string('N', 100_000));

        var finding = Assert.Single(report.WithCode(FindingCode.FieldInvalid), f => f.Sheet == "Cover");
        Assert.Equal(Severity.Error, finding.Severity);
        Reported.States(finding, "The HWB name is 32,767 characters long", "at most 200");
        Assert.True(finding.Message.Length < 300, finding.Message);
        Assert.Contains(report.WithCode(FindingCode.TextCleaned), f => f.Sheet == "Cover" && f.Message.Contains("cut the text to 32,767 characters", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("03/H#?\\\\")]
    [InlineData("06 Q")]
    [InlineData("A2345678901234567")]
    public void APartnerCodeThatIsNotLettersAndDigitsIsAnError(string code)
    {
        var report = Drafts.Validate(d => d.Partners[0] = d.Partners[0] with { Code = code });

        var finding = Assert.Single(report.WithCode(FindingCode.FieldInvalid));
        Assert.Equal("Contributions", finding.Sheet);
        Reported.States(finding, "is not a code", "1 to 16 letters and digits");
    }

    [Fact]
    public void MoreSignatoriesThanAReturnMayHaveIsAnErrorSayingWhy()
    {
        var report = Drafts.Validate(d =>
        {
            for (var i = 0; i < 41; i++)
            {
                d.Signatories.Add(new SignatoryDraft(d.Partners[0].Name, "CCG", $"Person {i}", "Officer", $"person{i}@example.org", null));
            }
        });

        var finding = Assert.Single(report.WithCode(FindingCode.FieldInvalid), f => f.Cell is null);
        Reported.States(finding, "44 signatory rows", "at most 40", "each is sent a sign-off request");
    }

    [Fact]
    public void TheSeedAsFiledIsWithinEveryLimit()
    {
        Assert.Empty(Drafts.Validate(_ => { }).WithCode(FindingCode.FieldInvalid));
    }
}
