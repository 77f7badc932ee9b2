using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace BetterCare.Fixtures.Reading;

/// <summary>Files people upload by mistake in place of the return.</summary>
public static class NotWorkbooks
{
    /// <summary>A CSV export of the Contributions table, as a person might save it and rename it.</summary>
    public static byte[] CsvText() => System.Text.Encoding.UTF8.GetBytes(
        "Partner,Partner type,Partner code,Minimum contribution,Additional contribution,Total contribution,Actual to date,Forecast outturn\r\n" +
        "North East Lincolnshire CCG,CCG,03H,11.4,nil,11.4,5.7,11.4\r\n" +
        "North East Lincolnshire Council,Local authority,E06000012,6.5,nil,6.5,3.3,6.5\r\n");

    /// <summary>A Word document (.docx): a zip archive like a workbook, with no workbook in it.</summary>
    public static byte[] WordDocument()
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var main = document.AddNewPart<MainDocumentPart>("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml", "rId1");
            main.Document = new Document(new Body(
                new Paragraph(new Run(new Text("Better Care Fund quarterly return: covering letter"))),
                new Paragraph(new Run(new Text("Please find our Q2 2017-18 return attached.")))));
        }

        return Case.Deterministic(stream.ToArray());
    }
}
