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
            File.WriteAllBytes(path, WorkbookWriter.ToBytes(workbook));
        });

    /// <summary>The time every zip entry of a fixture is stamped with.</summary>
    public static DateTimeOffset Stamp => WorkbookWriter.Stamp;

    /// <summary>The same package with fixed entry times, so the committed files change only when a case does.</summary>
    public static byte[] Deterministic(byte[] package) => WorkbookWriter.Deterministic(package);

    /// <summary>A file of raw bytes, for files that are not workbooks at all.</summary>
    public static Case FromBytes(string fileName, string purpose, Func<byte[]> bytes) =>
        new(fileName, purpose, path => File.WriteAllBytes(path, bytes()));
}
