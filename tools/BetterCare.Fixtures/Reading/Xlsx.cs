using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using BetterCare.Workbooks;

namespace BetterCare.Fixtures.Reading;

/// <summary>
/// Writes a draft to bytes and edits the written package part by part, for what the workbook
/// writer cannot say (hidden rows, merged cells, a VBA project) or must not (forged zip headers).
/// </summary>
public static partial class Xlsx
{
    public static byte[] Write(WorkbookDraft draft)
    {
        using var stream = new MemoryStream();
        WorkbookWriter.Write(draft, stream);
        return Case.Deterministic(stream.ToArray());
    }

    /// <summary>Rewrites every part through <paramref name="edit"/>, which may change a part's text, or return null to leave it out.</summary>
    public static byte[] Rewrite(byte[] package, Func<string, byte[], byte[]?> edit, IReadOnlyDictionary<string, byte[]>? add = null)
    {
        using var output = new MemoryStream();
        using (var source = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read))
        using (var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries)
            {
                using var buffer = new MemoryStream();
                using (var read = entry.Open())
                {
                    read.CopyTo(buffer);
                }

                if (edit(entry.FullName, buffer.ToArray()) is { } bytes)
                {
                    Add(target, entry.FullName, bytes);
                }
            }

            foreach (var (name, bytes) in add ?? new Dictionary<string, byte[]>())
            {
                Add(target, name, bytes);
            }
        }

        return output.ToArray();
    }

    /// <summary>Edits the XML of the sheet with this name (as written in the workbook).</summary>
    public static byte[] EditSheet(byte[] package, string sheetName, Func<string, string> edit)
    {
        var part = SheetPart(package, sheetName);
        return Rewrite(package, (name, bytes) => name == part ? Encoding.UTF8.GetBytes(edit(Encoding.UTF8.GetString(bytes))) : bytes);
    }

    /// <summary>Marks the 1-based rows hidden, as Excel does when a person hides them.</summary>
    public static string HideRows(string sheetXml, params int[] rows) =>
        rows.Aggregate(sheetXml, (xml, row) => xml.Replace($"<x:row r=\"{row}\">", $"<x:row r=\"{row}\" hidden=\"1\">", StringComparison.Ordinal));

    /// <summary>Merges the ranges (e.g. "A1:H1"); the cells other than each range's first should already be empty.</summary>
    public static string MergeCells(string sheetXml, params string[] ranges)
    {
        var merges = $"<x:mergeCells count=\"{ranges.Length}\">" + string.Concat(ranges.Select(r => $"<x:mergeCell ref=\"{r}\" />")) + "</x:mergeCells>";
        return sheetXml.Replace("</x:sheetData>", "</x:sheetData>" + merges, StringComparison.Ordinal);
    }

    /// <summary>The package part (e.g. "xl/worksheets/sheet1.xml") that holds the sheet with this name.</summary>
    public static string SheetPart(byte[] package, string sheetName)
    {
        using var zip = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read);
        var workbook = Text(zip, "xl/workbook.xml");
        var sheet = SheetElement().Matches(workbook).FirstOrDefault(m => m.Groups["name"].Value == sheetName)
            ?? throw new ArgumentException($"No sheet named '{sheetName}'.", nameof(sheetName));
        var rels = Text(zip, "xl/_rels/workbook.xml.rels");
        var target = Relationship().Matches(rels).First(m => m.Groups["id"].Value == sheet.Groups["id"].Value).Groups["target"].Value;
        return target.StartsWith('/') ? target[1..] : "xl/" + target;
    }

    private static string Text(ZipArchive zip, string name)
    {
        using var reader = new StreamReader(zip.GetEntry(name)!.Open());
        return reader.ReadToEnd();
    }

    private static void Add(ZipArchive zip, string name, byte[] bytes)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        entry.LastWriteTime = Case.Stamp;
        using var write = entry.Open();
        write.Write(bytes);
    }

    [GeneratedRegex("<x:sheet name=\"(?<name>[^\"]*)\"[^>]*r:id=\"(?<id>[^\"]+)\"")]
    private static partial Regex SheetElement();

    [GeneratedRegex("Target=\"(?<target>[^\"]+)\" Id=\"(?<id>[^\"]+)\"")]
    private static partial Regex Relationship();
}
