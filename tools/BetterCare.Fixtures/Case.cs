using BetterCare.Workbooks;

namespace BetterCare.Fixtures;

/// <summary>One test workbook: its file name (named for the case), what it is for, and how to write it.</summary>
public sealed record Case(string FileName, string Purpose, Action<string> Write)
{
    /// <summary>A return laid out by the template, then optionally altered sheet by sheet.</summary>
    public static Case FromDraft(string fileName, string purpose, Func<ReturnDraft> draft, Action<WorkbookDraft>? alter = null) =>
        new(fileName, purpose, path =>
        {
            var workbook = ReturnWorkbook.Build(draft());
            alter?.Invoke(workbook);
            using var buffer = new MemoryStream();
            WorkbookWriter.Write(workbook, buffer);
            File.WriteAllBytes(path, Deterministic(buffer.ToArray()));
        });

    /// <summary>The time every zip entry of a fixture is stamped with.</summary>
    public static readonly DateTimeOffset Stamp = new(2017, 9, 11, 0, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// The same package with every entry stamped with one fixed time, so writing a case again
    /// gives the same bytes and the committed files change only when a case does.
    /// </summary>
    public static byte[] Deterministic(byte[] package)
    {
        using var output = new MemoryStream();
        using (var source = new System.IO.Compression.ZipArchive(new MemoryStream(package), System.IO.Compression.ZipArchiveMode.Read))
        using (var target = new System.IO.Compression.ZipArchive(output, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries)
            {
                var copy = target.CreateEntry(entry.FullName, System.IO.Compression.CompressionLevel.Optimal);
                copy.LastWriteTime = Stamp;
                using var from = entry.Open();
                using var to = copy.Open();
                from.CopyTo(to);
            }
        }

        return output.ToArray();
    }

    /// <summary>A file of raw bytes, for files that are not workbooks at all.</summary>
    public static Case FromBytes(string fileName, string purpose, Func<byte[]> bytes) =>
        new(fileName, purpose, path => File.WriteAllBytes(path, bytes()));
}
