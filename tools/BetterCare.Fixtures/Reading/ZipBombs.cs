using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace BetterCare.Fixtures.Reading;

/// <summary>
/// Workbooks whose first sheet inflates to over a gigabyte: one cell holding a gigabyte of
/// text, which deflate packs about a thousand to one. A reader that opened it would try to
/// hold the whole string in memory.
/// </summary>
public static class ZipBombs
{
    public const long InflatedBytes = 1100L * 1024 * 1024;

    /// <summary>The bomb with honest zip headers: they declare the gigabyte.</summary>
    public static byte[] Honest(byte[] workbook, string sheetPart) => Build(workbook, sheetPart);

    /// <summary>
    /// The bomb with forged headers: the local header and the central directory both declare
    /// that the sheet inflates to <paramref name="declaredBytes"/>, so a check of the
    /// directory alone sees nothing out of proportion.
    /// </summary>
    public static byte[] LyingSizes(byte[] workbook, string sheetPart, uint declaredBytes)
    {
        var bytes = Build(workbook, sheetPart);
        var name = Encoding.ASCII.GetBytes(sheetPart);
        var patched = 0;
        for (var i = 0; i + 46 + name.Length <= bytes.Length; i++)
        {
            // Local file header: signature PK\3\4, name at 30, uncompressed size at 22.
            if (Signature(bytes, i, 0x04034b50) && bytes.AsSpan(i + 30, name.Length).SequenceEqual(name))
            {
                BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i + 22), declaredBytes);
                patched++;
            }

            // Central directory header: signature PK\1\2, name at 46, uncompressed size at 24.
            if (Signature(bytes, i, 0x02014b50) && bytes.AsSpan(i + 46, name.Length).SequenceEqual(name))
            {
                BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i + 24), declaredBytes);
                patched++;
            }
        }

        return patched == 2 ? bytes : throw new InvalidOperationException($"Expected two headers for {sheetPart}, patched {patched}.");
    }

    private static bool Signature(byte[] bytes, int at, uint signature) =>
        BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(at)) == signature;

    private static byte[] Build(byte[] workbook, string sheetPart)
    {
        using var output = new MemoryStream();
        using (var source = new ZipArchive(new MemoryStream(workbook), ZipArchiveMode.Read))
        using (var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries)
            {
                var copy = target.CreateEntry(entry.FullName, CompressionLevel.SmallestSize);
                copy.LastWriteTime = Case.Stamp;
                using var write = copy.Open();
                if (entry.FullName == sheetPart)
                {
                    WriteBombSheet(write);
                }
                else
                {
                    using var read = entry.Open();
                    read.CopyTo(write);
                }
            }
        }

        return output.ToArray();
    }

    private static void WriteBombSheet(Stream write)
    {
        write.Write(Encoding.UTF8.GetBytes(
            "<?xml version=\"1.0\" encoding=\"utf-8\"?><x:worksheet xmlns:x=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">" +
            "<x:sheetData><x:row r=\"1\"><x:c r=\"A1\" t=\"inlineStr\"><x:is><x:t>"));
        var chunk = new byte[1024 * 1024];
        Array.Fill(chunk, (byte)'a');
        for (long written = 0; written < InflatedBytes; written += chunk.Length)
        {
            write.Write(chunk);
        }

        write.Write(Encoding.UTF8.GetBytes("</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>"));
    }
}
