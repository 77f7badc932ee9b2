using System.IO.Compression;

namespace BetterCare.Returns.Reading;

/// <summary>
/// Looks at a file before ExcelDataReader does, to refuse what must not be opened: things
/// that are not spreadsheets, macro-enabled workbooks and zip bombs. Reads only the zip's
/// directory and its small content-types part, never the sheets.
/// </summary>
public static class FileSniffer
{
    private static ReadOnlySpan<byte> ZipMagic => [0x50, 0x4B, 0x03, 0x04];

    private static ReadOnlySpan<byte> CompoundMagic => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    public enum Kind
    {
        NotSpreadsheet,
        OpenXml,
        Compound,
    }

    /// <summary>The extension a file's bytes call for: <c>.xls</c> for a compound (BIFF) file, else <c>.xlsx</c>, whatever it was named.</summary>
    public static string ExtensionOf(ReadOnlySpan<byte> content) =>
        content.Length >= 8 && content[..8].SequenceEqual(CompoundMagic) ? ".xls" : ".xlsx";

    public static Kind Sniff(Stream stream)
    {
        Span<byte> head = stackalloc byte[8];
        var n = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        stream.Position = 0;
        if (n >= 4 && head[..4].SequenceEqual(ZipMagic))
        {
            return Kind.OpenXml;
        }

        if (n >= 8 && head.SequenceEqual(CompoundMagic))
        {
            return Kind.Compound;
        }

        return Kind.NotSpreadsheet;
    }

    /// <summary>The most bytes deflate (or storing) can take for <paramref name="uncompressed"/> bytes, with room for encryption headers.</summary>
    private static long MostCompressedBytes(long uncompressed) => uncompressed + (uncompressed / 1000) + 1024;

    /// <summary>Returns why the package must be refused, or null when it may be read.</summary>
    public static string? CheckPackage(Stream stream, ReaderLimits limits)
    {
        try
        {
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            long total = 0;
            var hasWorkbook = false;
            ZipArchiveEntry? contentTypes = null;
            foreach (var entry in zip.Entries)
            {
                var name = entry.FullName;
                if (name.EndsWith("vbaProject.bin", StringComparison.OrdinalIgnoreCase))
                {
                    return "it is a macro-enabled workbook (it contains a VBA project); save it as a plain .xlsx workbook";
                }

                if (name.Equals("xl/workbook.xml", StringComparison.OrdinalIgnoreCase) ||
                    name.Equals("xl/workbook.bin", StringComparison.OrdinalIgnoreCase))
                {
                    hasWorkbook = true;
                }

                if (name.Equals("[Content_Types].xml", StringComparison.OrdinalIgnoreCase))
                {
                    contentTypes = entry;
                }

                total += entry.Length;
                if (total > limits.MaxUncompressedBytes)
                {
                    return $"its contents inflate to more than {ReaderLimits.Describe(limits.MaxUncompressedBytes)}, out of proportion to a return (a zip bomb?)";
                }

                // Deflate never grows data by more than a few bytes in 64 KB, so compressed data
                // larger than its declared size means the size is forged. .NET stops inflating an
                // entry at its declared size, so such a part reads as damaged, never as a bomb; this
                // says plainly what it is.
                if (entry.CompressedLength > MostCompressedBytes(entry.Length))
                {
                    return FormattableString.Invariant($"its part '{name}' declares {entry.Length:N0} bytes but holds {entry.CompressedLength:N0} bytes of compressed data: its sizes are forged, as in a zip bomb");
                }

                if (entry.Length > limits.RatioCheckFromBytes &&
                    entry.Length > (long)limits.MaxCompressionRatio * Math.Max(1, entry.CompressedLength))
                {
                    return FormattableString.Invariant($"its part '{name}' inflates from {entry.CompressedLength:N0} to {entry.Length:N0} bytes, out of proportion to a return (a zip bomb?)");
                }
            }

            if (!hasWorkbook || contentTypes is null)
            {
                return "it is not a spreadsheet: it is a zip archive with no Excel workbook in it (a Word document or another Office file?)";
            }

            if (contentTypes.Length > 1024 * 1024)
            {
                return "its content types part is implausibly large";
            }

            using var reader = new StreamReader(contentTypes.Open());
            var types = reader.ReadToEnd();
            if (types.Contains("macroEnabled", StringComparison.OrdinalIgnoreCase))
            {
                return "it is a macro-enabled workbook (.xlsm); save it as a plain .xlsx workbook";
            }

            return null;
        }
        catch (Exception e) when (e is InvalidDataException or IOException or NotSupportedException)
        {
            return "it is a damaged or truncated zip archive";
        }
        finally
        {
            stream.Position = 0;
        }
    }
}
