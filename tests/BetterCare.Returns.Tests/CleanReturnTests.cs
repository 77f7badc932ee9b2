using BetterCare.Returns.Findings;

namespace BetterCare.Returns.Tests;

public class CleanReturnTests
{
    [Fact]
    public void CleanReturnHasNoErrorsAndNoWarnings()
    {
        var report = TestFiles.Validate("clean-return.xlsx");

        Assert.True(report.IsValid, string.Join("\n", report.Findings));
        Assert.DoesNotContain(report.Findings, f => f.Severity >= Severity.Warning);
    }

    [Fact]
    public void CleanReturnReadsItsPartnersAndSchemes()
    {
        var parsed = TestFiles.Check("clean-return.xlsx").Return!;

        Assert.Equal("E06000012", parsed.Cover!.HwbCode);
        Assert.Equal("2017-18-Q2", parsed.Cover.Period.ToString());
        Assert.Equal(["North East Lincolnshire CCG", "North East Lincolnshire Council"], parsed.Contributions!.Rows.Select(r => r.Name));
        Assert.Equal(9, parsed.Schemes!.Rows.Count);
        Assert.Equal(1_140_000_000, parsed.Contributions.Rows[0].Total.Amount.Pence);
    }
}
