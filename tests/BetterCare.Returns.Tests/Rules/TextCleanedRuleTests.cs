using BetterCare.Returns.Findings;

namespace BetterCare.Returns.Tests.Rules;

public class TextCleanedRuleTests
{
    [Fact]
    public void ExcelsEscapedNulAndEscAreRemovedAndSaidWithTheirCell()
    {
        var check = Drafts.Check(d => d.HwbName = "North East Lincolnshire_x0000_ _x001B_");

        Assert.Equal("North East Lincolnshire", check.Return!.Cover!.HwbName!.Trim());
        var finding = Assert.Single(check.Report.WithCode(FindingCode.TextCleaned));
        Assert.Equal(Severity.Info, finding.Severity);
        Assert.Equal("Cover", finding.Sheet);
        Assert.NotNull(finding.Cell);
        Reported.States(finding, "removed 2 control characters (ESC, NUL)");
    }

    [Fact]
    public void BidirectionalOverridesAreRemoved()
    {
        var check = Drafts.Check(d => d.Partners[0] = d.Partners[0] with { Name = "North East Lincolnshire \u202EGCC\u202C" });

        Assert.Equal("North East Lincolnshire GCC", check.Return!.Contributions!.Rows[0].Name);
        Reported.States(Assert.Single(check.Report.WithCode(FindingCode.TextCleaned)), "removed 2 right-to-left or left-to-right overrides");
    }

    [Fact]
    public void LineBreaksAndTabsInACommentaryAreKept()
    {
        var check = Drafts.Check(d => d.Conditions![0] = d.Conditions[0] with { Commentary = "Agreed.\nSigned off\tby the HWB." });

        Assert.Empty(check.Report.WithCode(FindingCode.TextCleaned));
        Assert.Equal("Agreed.\nSigned off\tby the HWB.", check.Return!.Conditions!.Rows[0].Commentary!.Value.Text);
    }

    [Fact]
    public void ManyCleanedCellsAreListedUpToFiftyThenCounted()
    {
        var check = Drafts.Check(d =>
        {
            for (var i = 0; i < d.Schemes.Count; i++)
            {
                d.Schemes[i] = d.Schemes[i] with { Name = d.Schemes[i].Name + "_x0007_" };
            }

            for (var i = 0; i < 60; i++)
            {
                d.Schemes.Add(d.Schemes[0] with { Id = $"X{i}", Planned = 0, ActualToDate = 0, Forecast = 0 });
            }
        });

        var cleaned = check.Report.WithCode(FindingCode.TextCleaned).ToList();
        Assert.Equal(51, cleaned.Count);
        Assert.Contains("more cells were changed the same way", cleaned[^1].Message, StringComparison.Ordinal);
    }
}
