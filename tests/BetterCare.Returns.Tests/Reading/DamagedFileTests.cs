using System.Buffers.Binary;
using BetterCare.Returns.Reading;

namespace BetterCare.Returns.Tests.Reading;

public class DamagedFileTests
{
    [Fact]
    public void TruncatedXlsxIsRefusedAsDamagedOrTruncated() => Refused.Once("truncated.xlsx", "damaged or truncated");

    [Fact]
    public void TruncatedXlsIsRefusedAsDamagedOrTruncated()
    {
        var bytes = File.ReadAllBytes(TestFiles.Path("clean-return.xls"));

        var report = Refused.Check(bytes[..(bytes.Length / 2)], "truncated.xls");

        Refused.Once(report, "damaged or truncated");
    }

    [Fact]
    public void XlsClaimingTwoBillionRowsIsRefusedWithoutWalkingThem()
    {
        // A corrupt DIMENSIONS record once kept ExcelDataReader counting blank rows for minutes.
        var bytes = File.ReadAllBytes(TestFiles.Path("clean-return.xls"));
        var dimensions = FindDimensionsRecord(bytes);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(dimensions + 8), 2_097_152_000);

        var report = Refused.Check(bytes, "huge-dimensions.xls");

        Refused.Once(report, "damaged", "2,097,152,000 rows");
    }

    [Theory]
    [InlineData("clean-return.xlsx")]
    [InlineData("clean-return.xls")]
    public void CorruptedBytesAreReadOrRefusedNeverThrown(string file)
    {
        var clean = File.ReadAllBytes(TestFiles.Path(file));
        var random = new Random(2017);
        var reader = new WorkbookReader();
        var refused = 0;
        for (var i = 0; i < 400; i++)
        {
            var bytes = (byte[])clean.Clone();
            for (var j = 0; j <= i % 4; j++)
            {
                bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
            }

            var result = reader.Read(new MemoryStream(bytes), file);

            if (!result.IsReadable)
            {
                Assert.False(string.IsNullOrWhiteSpace(result.Problem), $"corruption {i} refused without a reason");
                refused++;
            }
        }

        Assert.InRange(refused, 1, 400);
    }

    [Theory]
    [InlineData("clean-return.xlsx")]
    [InlineData("clean-return.xls")]
    public void FileCutOffAnywhereIsRefusedNeverThrown(string file)
    {
        var clean = File.ReadAllBytes(TestFiles.Path(file));
        var reader = new WorkbookReader();
        for (var length = 1; length < clean.Length; length += 97)
        {
            var result = reader.Read(new MemoryStream(clean, 0, length), file);

            Assert.False(result.IsReadable, $"cut at {length} of {clean.Length} bytes and still read");
            Assert.False(string.IsNullOrWhiteSpace(result.Problem));
        }
    }

    /// <summary>The offset of the first BIFF8 DIMENSIONS record (id 0x0200, 14 bytes) of a sheet.</summary>
    private static int FindDimensionsRecord(byte[] xls)
    {
        for (var i = 0; i + 18 <= xls.Length; i++)
        {
            if (xls[i] == 0x00 && xls[i + 1] == 0x02 && xls[i + 2] == 0x0E && xls[i + 3] == 0x00 &&
                BinaryPrimitives.ReadInt32LittleEndian(xls.AsSpan(i + 8)) is > 0 and < 100)
            {
                return i;
            }
        }

        throw new InvalidOperationException("No DIMENSIONS record found in the .xls.");
    }
}
