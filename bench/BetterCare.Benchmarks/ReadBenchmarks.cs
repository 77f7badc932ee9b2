using BenchmarkDotNet.Attributes;
using BetterCare.Returns.Findings;
using BetterCare.Returns.Reference;
using BetterCare.Returns.Validation;
using ExcelDataReader;

namespace BetterCare.Benchmarks;

/// <summary>
/// For each workbook, a bare ExcelDataReader pass that touches every cell of every sheet (the
/// baseline) against the product's full read, parse and validate of the same bytes.
/// </summary>
[MemoryDiagnoser]
public class ReadBenchmarks
{
    private const string FileName = "return.xlsx";

    private byte[] _bytes = [];
    private ReferenceData _reference = ReferenceData.Empty;

    [Params(SampleReturns.Typical, SampleReturns.LargeSchemes)]
    public string Workbook { get; set; } = SampleReturns.Typical;

    [GlobalSetup]
    public void Setup()
    {
        _bytes = SampleReturns.Bytes(Workbook);
        _reference = ReferenceData.Load(Paths.Reference);

        // Measure a workbook the product reads through, not one it refuses at the door.
        var report = ReadAndValidate();
        if (report.Findings.Any(f => f.Code == FindingCode.FileUnreadable))
        {
            throw new InvalidOperationException($"The {Workbook} workbook is unreadable: {report.Findings[0].Message}");
        }
    }

    [Benchmark(Baseline = true, Description = "Bare ExcelDataReader pass")]
    public long BareRead()
    {
        using var stream = new MemoryStream(_bytes, writable: false);
        using var reader = ExcelReaderFactory.CreateReader(stream);
        long nonNull = 0;
        do
        {
            while (reader.Read())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    if (reader.GetValue(i) is not null)
                    {
                        nonNull++;
                    }
                }
            }
        }
        while (reader.NextResult());

        return nonNull;
    }

    [Benchmark(Description = "Read + validate")]
    public ValidationReport ReadAndValidate()
    {
        using var stream = new MemoryStream(_bytes, writable: false);
        return new ReturnValidator(_reference).Check(stream, FileName).Report;
    }
}
