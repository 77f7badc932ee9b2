using BetterCare.Fixtures.Seeds;
using BetterCare.Returns.Parsing;
using BetterCare.Returns.Reading;
using BetterCare.Workbooks;

namespace BetterCare.Returns.Tests.Reading;

/// <summary>Learning whose return a file is reads its Cover alone, with every refusal a whole read makes.</summary>
public class CoverOnlyTests
{
    [Fact]
    public void OnlyTheCoverIsReadAndItNamesTheBoardAndPeriod()
    {
        var bytes = WorkbookWriter.ToBytes(ReturnWorkbook.Build(NorthEastLincolnshire.Q2_2017_18()));

        var read = new WorkbookReader().ReadCover(new MemoryStream(bytes), "nel.xlsx");

        Assert.Equal([TemplateSheet.Cover], read.Workbook!.Sheets.Keys);
        var cover = ReturnParser.Parse(read.Workbook).Cover!;
        Assert.Equal("E06000012", cover.HwbCode);
        Assert.Equal("2017-18-Q2", cover.Period.ToString());
    }

    [Fact]
    public void AFileThatIsNoWorkbookIsRefusedAsByAWholeRead()
    {
        var read = new WorkbookReader().ReadCover(new MemoryStream("not a workbook"u8.ToArray()), "a.xlsx");

        Assert.Null(read.Workbook);
        Assert.Contains("not a spreadsheet", read.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void TheArchiveExtensionIsTheFilesOwnNotItsName()
    {
        var xlsx = WorkbookWriter.ToBytes(ReturnWorkbook.Build(NorthEastLincolnshire.Q2_2017_18()));

        Assert.Equal(".xlsx", FileSniffer.ExtensionOf(xlsx));
        Assert.Equal(".xls", FileSniffer.ExtensionOf([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0]));
    }
}
