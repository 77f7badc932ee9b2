namespace BetterCare.Returns.Tests.Reading;

public class NotASpreadsheetTests
{
    [Fact]
    public void TextFileRenamedXlsxIsNotASpreadsheet()
    {
        var finding = Refused.Once("text-renamed.xlsx", "not a spreadsheet", ".xlsx or .xls");

        Assert.Equal("text-renamed.xlsx", finding.Sheet);
        Assert.StartsWith("'text-renamed.xlsx' cannot be read", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WordDocumentRenamedXlsxIsNotASpreadsheet() =>
        Refused.Once("word-document-renamed.xlsx", "not a spreadsheet", "no Excel workbook");

    [Fact]
    public void EmptyFileIsRefusedAsEmpty() => Refused.Once("empty-file.xlsx", "empty");

    [Fact]
    public void MissingFileIsRefusedNotThrown()
    {
        var report = new Validation.ReturnValidator(TestFiles.Reference).Check(Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".xlsx")).Report;

        Refused.Once(report, "does not exist");
    }
}
