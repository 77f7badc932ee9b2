using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace BetterCare.Returns.Tests.Reading;

/// <summary>
/// zip-bomb.xlsx holds a Cover sheet that inflates to 1.1 GB (one cell of text); in
/// zip-bomb-lying-sizes.xlsx the zip headers are forged to say 4 KB. Neither may cost more
/// than a little memory to refuse.
/// </summary>
public class ZipBombTests
{
    private const long MemoryBudget = 100L * 1024 * 1024;

    [Fact]
    public void ZipBombIsRefusedWithBoundedMemory()
    {
        var before = GC.GetAllocatedBytesForCurrentThread();

        var report = TestFiles.Validate("zip-bomb.xlsx");

        Assert.InRange(GC.GetAllocatedBytesForCurrentThread() - before, 0, MemoryBudget);
        Refused.Once(report, "out of proportion", "zip bomb");
    }

    [Fact]
    public void ZipBombWithForgedSizesIsRefusedWithBoundedMemory()
    {
        var before = GC.GetAllocatedBytesForCurrentThread();

        var report = TestFiles.Validate("zip-bomb-lying-sizes.xlsx");

        Assert.InRange(GC.GetAllocatedBytesForCurrentThread() - before, 0, MemoryBudget);
        Refused.Once(report, "declares 4,096 bytes", "forged", "zip bomb");
    }

    [Fact]
    public void ZipArchiveNeverInflatesAPartPastItsDeclaredSize()
    {
        // The reader relies on this for a forged size too large to give itself away.
        using var zip = ZipFile.OpenRead(TestFiles.Path("zip-bomb-lying-sizes.xlsx"));
        var bomb = zip.Entries.MaxBy(e => e.CompressedLength)!;
        var before = GC.GetAllocatedBytesForCurrentThread();

        long inflated = 0;
        using (var stream = bomb.Open())
        {
            var buffer = new byte[64 * 1024];
            int n;
            while ((n = stream.Read(buffer)) > 0)
            {
                inflated += n;
            }
        }

        Assert.Equal(4096, bomb.Length);
        Assert.Equal(bomb.Length, inflated);
        Assert.InRange(GC.GetAllocatedBytesForCurrentThread() - before, 0, MemoryBudget);
    }

    [Fact]
    public void ZipBombDeclaringJustOverItsCompressedSizeIsCutOffThereAndReadsAsDamaged()
    {
        var bytes = File.ReadAllBytes(TestFiles.Path("zip-bomb-lying-sizes.xlsx"));
        string part;
        uint declared;
        using (var zip = new ZipArchive(new MemoryStream(bytes)))
        {
            var bomb = zip.Entries.MaxBy(e => e.CompressedLength)!;
            part = bomb.FullName;
            declared = (uint)(bomb.CompressedLength + 100);
        }

        ForgeDeclaredSize(bytes, part, declared);
        var before = GC.GetAllocatedBytesForCurrentThread();

        var report = Refused.Check(bytes, "zip-bomb-plausible-sizes.xlsx");

        Assert.InRange(GC.GetAllocatedBytesForCurrentThread() - before, 0, MemoryBudget);
        Refused.Once(report, "damaged or truncated");
    }

    /// <summary>Writes <paramref name="size"/> as the uncompressed size in the part's local header and its central directory entry.</summary>
    private static void ForgeDeclaredSize(byte[] zip, string part, uint size)
    {
        var name = Encoding.ASCII.GetBytes(part);
        var forged = 0;
        for (var i = 0; i + 46 + name.Length <= zip.Length; i++)
        {
            var signature = BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(i));
            if (signature == 0x04034b50 && zip.AsSpan(i + 30, name.Length).SequenceEqual(name))
            {
                BinaryPrimitives.WriteUInt32LittleEndian(zip.AsSpan(i + 22), size);
                forged++;
            }
            else if (signature == 0x02014b50 && zip.AsSpan(i + 46, name.Length).SequenceEqual(name))
            {
                BinaryPrimitives.WriteUInt32LittleEndian(zip.AsSpan(i + 24), size);
                forged++;
            }
        }

        Assert.Equal(2, forged);
    }
}
