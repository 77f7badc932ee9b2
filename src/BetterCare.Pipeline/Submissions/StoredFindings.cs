using System.IO.Compression;
using System.Text;

namespace BetterCare.Pipeline.Submissions;

/// <summary>
/// A submission's report kept in its state row: gzipped JSON cut into binary chunks, each within
/// a table property's 64 KiB. A report needing more than <see cref="MaxChunks"/> chunks goes to a
/// blob instead, keeping the row well inside the 1 MiB a table row may hold.
/// </summary>
public static class StoredFindings
{
    public const int ChunkBytes = 60 * 1024;

    public const int MaxChunks = 12;

    public static IReadOnlyList<byte[]> Pack(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(json));
        }

        var bytes = buffer.ToArray();
        return bytes.Chunk(ChunkBytes).ToList();
    }

    public static string Unpack(IEnumerable<byte[]> chunks)
    {
        ArgumentNullException.ThrowIfNull(chunks);
        using var packed = new MemoryStream();
        foreach (var chunk in chunks)
        {
            packed.Write(chunk);
        }

        packed.Position = 0;
        using var gzip = new GZipStream(packed, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
