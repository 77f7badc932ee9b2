using BetterCare.Returns.Reading;

namespace BetterCare.Returns.Tests.Reading;

public class SheetNameTests
{
    [Fact]
    public void NumberedSheetNamesAreFoundAndTheReturnIsClean()
    {
        var checkedReturn = TestFiles.Check("numbered-sheet-names.xlsx");

        Assert.Empty(checkedReturn.Report.Findings);
        Assert.Equal(ReturnFigures.OfCleanReturn(), ReturnFigures.Of(checkedReturn.Return!));
    }

    [Fact]
    public void SheetsKeepTheirNamesAsWrittenForFindings()
    {
        var read = new WorkbookReader().Read(TestFiles.Path("numbered-sheet-names.xlsx"));

        Assert.Equal("2) Contributions ", read.Workbook!.Sheet(TemplateSheet.Contributions)!.Name);
        Assert.Equal("Sheet 3 - Schemes", read.Workbook.Sheet(TemplateSheet.Schemes)!.Name);
        Assert.Equal("4. SIGN-OFF", read.Workbook.Sheet(TemplateSheet.SignOff)!.Name);
    }

    [Theory]
    [InlineData("1) Cover", TemplateSheet.Cover)]
    [InlineData("2) Contributions ", TemplateSheet.Contributions)]
    [InlineData("Sheet 3 - Schemes", TemplateSheet.Schemes)]
    [InlineData("4. SIGN-OFF", TemplateSheet.SignOff)]
    [InlineData("Sign off", TemplateSheet.SignOff)]
    [InlineData(" national conditions ", TemplateSheet.NationalConditions)]
    [InlineData("Sheet7: Risks", TemplateSheet.Risks)]
    [InlineData("8 – DFG", TemplateSheet.Dfg)]
    public void SheetNameMatchesIgnoringCaseSpacesAndNumbering(string name, TemplateSheet expected)
    {
        Assert.True(TemplateSheets.TryMatch(name, out var sheet));
        Assert.Equal(expected, sheet);
    }

    [Theory]
    [InlineData("Cover notes")]
    [InlineData("2020 plan")]
    [InlineData("Schemes (old)x")]
    [InlineData("")]
    public void OtherSheetNamesAreNotTemplateSheets(string name) => Assert.False(TemplateSheets.TryMatch(name, out _));
}
