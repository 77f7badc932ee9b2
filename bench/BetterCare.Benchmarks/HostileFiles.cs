using System.IO.Compression;
using System.Text;
using System.Xml;
using BetterCare.Fixtures.Seeds;
using BetterCare.Returns.Reading;
using BetterCare.Workbooks;

namespace BetterCare.Benchmarks;

/// <summary>
/// The worst workbooks the reader still reads, as an attacker would make them: the clean North
/// East Lincolnshire return whose Schemes sheet is replaced by one of long, low-entropy texts
/// (so that it deflates well, but not so well that the ratio check refuses it), as many as the
/// file-size, inflated-size and row limits allow. Written by streaming the sheet's XML into the
/// zip, so making one costs little memory.
/// </summary>
public static class HostileFiles
{
    private static readonly string[] Words = ["care", "fund", "pool", "board"];

    /// <summary>Writes the worst file for <paramref name="limits"/> into <paramref name="folder"/>; returns its path.</summary>
    public static string Worst(string folder, ReaderLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        var path = Path.Combine(folder, "worst.xlsx");
        File.WriteAllBytes(path, WorkbookWriter.ToBytes(ReturnWorkbook.Build(NorthEastLincolnshire.Q2_2017_18())));
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Update))
        {
            var sheet = SchemesPart(zip);
            zip.GetEntry(sheet)!.Delete();
            var entry = zip.CreateEntry(sheet, CompressionLevel.Optimal);
            using var stream = entry.Open();
            WriteSheet(stream, (long)(limits.MaxUncompressedBytes * 0.9), limits.MaxUsedRows - 10);
        }

        return path;
    }

    /// <summary>The zip part of the sheet named Schemes, from the workbook's relationships.</summary>
    private static string SchemesPart(ZipArchive zip)
    {
        var workbook = new XmlDocument();
        using (var s = zip.GetEntry("xl/workbook.xml")!.Open())
        {
            workbook.Load(s);
        }

        var ns = new XmlNamespaceManager(workbook.NameTable);
        ns.AddNamespace("x", "http://schemas.openxmlformats.org/spreadsheetml/2006/main");
        ns.AddNamespace("r", "http://schemas.openxmlformats.org/officeDocument/2006/relationships");
        var id = workbook.SelectSingleNode("//x:sheet[@name='Schemes']/@r:id", ns)!.Value;
        var rels = new XmlDocument();
        using (var s = zip.GetEntry("xl/_rels/workbook.xml.rels")!.Open())
        {
            rels.Load(s);
        }

        var target = rels.DocumentElement!.ChildNodes.Cast<XmlElement>().Single(e => e.GetAttribute("Id") == id).GetAttribute("Target");
        return "xl/" + target.TrimStart('/').Replace("xl/", string.Empty, StringComparison.Ordinal);
    }

    private static void WriteSheet(Stream stream, long targetBytes, int maxRows)
    {
        var random = new Random(14);
        using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16);
        writer.Write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
        writer.Write("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Scheme ID</t></is></c><c r=\"B1\" t=\"inlineStr\"><is><t>Scheme name</t></is></c><c r=\"C1\" t=\"inlineStr\"><is><t>Scheme type</t></is></c><c r=\"D1\" t=\"inlineStr\"><is><t>Funding partner</t></is></c><c r=\"E1\" t=\"inlineStr\"><is><t>Commissioner</t></is></c><c r=\"F1\" t=\"inlineStr\"><is><t>Provider</t></is></c><c r=\"G1\"><v>0</v></c></row>");
        var perRow = Math.Max(1, targetBytes / maxRows);
        var cell = new StringBuilder();
        long written = 0;
        for (var r = 2; r <= maxRows && written < targetBytes; r++)
        {
            var rowText = new StringBuilder();
            rowText.Append("<row r=\"").Append(r).Append("\">");
            foreach (var column in "ABCDEF")
            {
                cell.Clear();
                while (cell.Length < perRow / 6)
                {
                    cell.Append(Words[random.Next(Words.Length)]).Append(' ');
                }

                rowText.Append("<c r=\"").Append(column).Append(r).Append("\" t=\"inlineStr\"><is><t>").Append(cell).Append("</t></is></c>");
            }

            rowText.Append("</row>");
            written += rowText.Length;
            writer.Write(rowText);
        }

        writer.Write("</sheetData></worksheet>");
    }
}
