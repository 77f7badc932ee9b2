using BetterCare.Returns.Reading;
using BetterCare.Returns.Validation;

namespace BetterCare.Returns.Tests.Reading;

public class SizeLimitTests
{
    [Fact]
    public void FileOverTheSizeLimitIsRefusedStatingTheLimit()
    {
        var validator = new ReturnValidator(TestFiles.Reference, limits: new ReaderLimits { MaxFileBytes = 4 * 1024 });

        var report = validator.Check(TestFiles.Path("clean-return.xlsx")).Report;

        Refused.Once(report, "larger than the 4 KB limit");
    }

    [Fact]
    public void UnseekableUploadOverTheSizeLimitIsRefusedWithoutBufferingItAll()
    {
        var limits = new ReaderLimits { MaxFileBytes = 4 * 1024 };
        using var upload = new ForwardOnlyStream(File.ReadAllBytes(TestFiles.Path("clean-return.xlsx")));

        var report = new ReturnValidator(TestFiles.Reference, limits: limits).Check(upload, "upload.xlsx").Report;

        Refused.Once(report, "larger than the 4 KB limit");
        Assert.InRange(upload.BytesRead, 0, limits.MaxFileBytes + (128 * 1024));
    }

    [Fact]
    public void SheetWithTenThousandAndOneUsedRowsIsRefused() =>
        Refused.Once("too-many-rows.xlsx", "sheet 'Schemes' has more than 10,000 used rows");

    [Fact]
    public void SheetWithExactlyTheLimitOfUsedRowsIsRead()
    {
        // Schemes, the longest sheet of the clean return, has 13 non-blank rows.
        var atLimit = new ReturnValidator(TestFiles.Reference, limits: new ReaderLimits { MaxUsedRows = 13 });
        var overLimit = new ReturnValidator(TestFiles.Reference, limits: new ReaderLimits { MaxUsedRows = 12 });

        Assert.Empty(atLimit.Check(TestFiles.Path("clean-return.xlsx")).Report.Findings);
        Refused.Once(overLimit.Check(TestFiles.Path("clean-return.xlsx")).Report, "more than 12 used rows");
    }

    [Fact]
    public void BlankRowsDoNotCountTowardsTheUsedRowLimit()
    {
        // blank-rows-inside-table.xlsx adds three blank rows to Schemes' 13 used rows.
        var validator = new ReturnValidator(TestFiles.Reference, limits: new ReaderLimits { MaxUsedRows = 13 });

        Assert.Empty(validator.Check(TestFiles.Path("blank-rows-inside-table.xlsx")).Report.Findings);
    }

    /// <summary>An upload read as it arrives: no length, no seeking.</summary>
    private sealed class ForwardOnlyStream(byte[] bytes) : Stream
    {
        private readonly MemoryStream _inner = new(bytes);

        public long BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = _inner.Read(buffer, offset, count);
            BytesRead += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
