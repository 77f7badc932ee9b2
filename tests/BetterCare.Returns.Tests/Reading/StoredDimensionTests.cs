using BetterCare.Returns.Reading;

namespace BetterCare.Returns.Tests.Reading;

public class StoredDimensionTests
{
    [Fact]
    public void SheetsWhoseStoredDimensionSaysA1AreReadInFull()
    {
        var clean = new WorkbookReader().Read(TestFiles.Path("clean-return.xlsx")).Workbook!;
        var a1 = new WorkbookReader().Read(TestFiles.Path("dimension-a1.xlsx")).Workbook!;

        Assert.Equal(clean.Sheets.Keys.Order(), a1.Sheets.Keys.Order());
        foreach (var (which, sheet) in clean.Sheets)
        {
            Assert.Equal(Cells(sheet), Cells(a1.Sheet(which)!));
        }
    }

    [Fact]
    public void ReturnWhoseStoredDimensionsSayA1IsClean()
    {
        var checkedReturn = TestFiles.Check("dimension-a1.xlsx");

        Assert.Empty(checkedReturn.Report.Findings);
        Assert.Equal(9, checkedReturn.Return!.Schemes!.Rows.Count);
        Assert.Equal(ReturnFigures.OfCleanReturn(), ReturnFigures.Of(checkedReturn.Return));
    }

    private static IEnumerable<string> Cells(SheetData sheet) =>
        sheet.Rows.SelectMany(r => r.Cells.Select((v, c) => $"{CellRef.Of(r.Index, c)}={Labels.Text(v)}"));
}
