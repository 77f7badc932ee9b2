using BetterCare.Returns.Reading;
using BetterCare.Returns.Validation;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace BetterCare.Returns.Tests.Reading;

/// <summary>
/// Checking a file parses each table as its rows are read; the return it makes is the one
/// parsed from the sheets read whole (<see cref="WorkbookReader.Read(Stream, string)"/>).
/// </summary>
public class ParsedAsReadTests
{
    public static TheoryData<string> Workbooks =>
        new(Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "TestData")).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Workbooks))]
    public void ReturnParsedAsItIsReadIsTheReturnParsedFromTheReadSheets(string file)
    {
        var bytes = File.ReadAllBytes(TestFiles.Path(file));
        var validator = new ReturnValidator(TestFiles.Reference);

        var asRead = validator.Check(new MemoryStream(bytes, writable: false), file);
        var fromSheets = validator.Check(new WorkbookReader().Read(new MemoryStream(bytes, writable: false), file), file);

        Assert.Equal(fromSheets.Report.Findings, asRead.Report.Findings);
        Assert.Equal(ReturnText.Of(fromSheets.Return), ReturnText.Of(asRead.Return));
    }

    [Fact]
    public void TablesReadBeforeTheCoverAreReadInTheCoversUnits()
    {
        // The clean return's money is in £m, as its Cover says: here the Cover is the last sheet.
        var coverLast = CoverLast(File.ReadAllBytes(TestFiles.Path("clean-return.xlsx")));

        var checkedReturn = new ReturnValidator(TestFiles.Reference).Check(new MemoryStream(coverLast, writable: false), "cover-last.xlsx");

        Assert.Empty(checkedReturn.Report.Findings);
        Assert.Equal(ReturnFigures.OfCleanReturn(), ReturnFigures.Of(checkedReturn.Return!));
    }

    [Fact]
    public void TextsAColumnRepeatsKeepTheirKeys()
    {
        var parsed = TestFiles.Check("clean-return.xlsx").Return!;

        Assert.All(parsed.Schemes!.Rows, r =>
        {
            Assert.Equal(Labels.Normalize(r.SchemeType.Text), r.SchemeType.Key);
            Assert.Equal(Labels.Normalize(r.FundingPartner.Text), r.FundingPartner.Key);
        });
        Assert.All(parsed.Contributions!.Rows, r => Assert.Equal(Labels.Normalize(r.Partner.Text), r.Partner.Key));
    }

    private static byte[] CoverLast(byte[] workbook)
    {
        using var stream = new MemoryStream();
        stream.Write(workbook);
        using (var document = SpreadsheetDocument.Open(stream, isEditable: true))
        {
            var sheets = document.WorkbookPart!.Workbook.Sheets!;
            var cover = sheets.Elements<Sheet>().Single(s => s.Name == "Cover");
            cover.Remove();
            sheets.Append(cover);
        }

        return stream.ToArray();
    }
}
