using BetterCare.Returns.Reading;

namespace BetterCare.Returns.Tests.Reading;

/// <summary>Workbooks laid out differently from the template that say the same as the clean return.</summary>
public class LayoutTests
{
    [Theory]
    [InlineData("inserted-rows-and-columns.xlsx")]
    [InlineData("hidden-rows-and-merged-cells.xlsx")]
    [InlineData("blank-rows-inside-table.xlsx")]
    [InlineData("notes-below-total-row.xlsx")]
    public void RearrangedReturnIsCleanWithTheSameFigures(string file)
    {
        var checkedReturn = TestFiles.Check(file);

        Assert.Empty(checkedReturn.Report.Findings);
        Assert.Equal(ReturnFigures.OfCleanReturn(), ReturnFigures.Of(checkedReturn.Return!));
    }

    [Fact]
    public void InsertedRowsAndColumnsMoveTheCellsFindingsPointAt()
    {
        var parsed = TestFiles.Check("inserted-rows-and-columns.xlsx").Return!;

        // Contributions: three rows above and one column left, and a Notes column before Minimum contribution.
        Assert.Equal("B7", parsed.Contributions!.Rows[0].Partner.Cell);
        Assert.Equal("F7", parsed.Contributions.Rows[0].Minimum.Cell);
        Assert.Equal("B6", parsed.Contributions.Layout.HeaderCell);
    }

    [Fact]
    public void HiddenRowIsReadLikeAnyOther()
    {
        var read = new WorkbookReader().Read(TestFiles.Path("hidden-rows-and-merged-cells.xlsx")).Workbook!;

        var council = Assert.Single(read.Sheet(TemplateSheet.Contributions)!.Rows, r => r.Index == 4);
        Assert.Equal("North East Lincolnshire Council", council[0]);
    }

    [Fact]
    public void MergedCellHoldsItsValueInItsFirstCellOnly()
    {
        var schemes = TestFiles.Check("hidden-rows-and-merged-cells.xlsx").Return!.Schemes!;

        Assert.Equal("Care Plus Group", schemes.Rows[0].Provider!.Value.Text);
        Assert.True(schemes.Rows[1].Provider!.Value.IsBlank);
    }

    [Fact]
    public void BlankRowsAreNotRead()
    {
        var read = new WorkbookReader().Read(TestFiles.Path("blank-rows-inside-table.xlsx")).Workbook!;
        var contributions = read.Sheet(TemplateSheet.Contributions)!;

        Assert.Equal(6, contributions.Rows.Count);
        Assert.All(contributions.Rows, r => Assert.Contains(r.Cells, c => !Labels.IsBlank(c)));
    }

    [Fact]
    public void RowsBelowTheTotalRowAreNotPartOfTheTable()
    {
        var parsed = TestFiles.Check("notes-below-total-row.xlsx").Return!;

        Assert.DoesNotContain(parsed.Contributions!.Rows, r => r.Name.StartsWith("Memo", StringComparison.Ordinal));
        Assert.DoesNotContain(parsed.Schemes!.Rows, r => r.SchemeId.Text == "NEL10");
    }
}
