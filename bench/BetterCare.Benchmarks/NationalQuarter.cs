using System.Globalization;
using BetterCare.Fixtures.Seeds;
using BetterCare.Returns.Reference;
using BetterCare.Workbooks;

namespace BetterCare.Benchmarks;

/// <summary>
/// A national quarter: 153 returns for 2017-18 Q2, one per HWB, each the clean North East
/// Lincolnshire sample with another HWB's code and name. The codes are well formed (E06, E08,
/// E09, E10 and six digits) and all but North East Lincolnshire's are absent from
/// samples/reference, which the rules note with an information finding only; the codes the
/// reference knows for other HWBs are skipped, since their minimum contributions would not match.
/// </summary>
public static class NationalQuarter
{
    public const int Count = 153;
    public const string Period = "2017-18-Q2";

    private const string NelCode = "E06000012";

    /// <summary>The HWB codes, in order: North East Lincolnshire's first, then the others.</summary>
    public static IReadOnlyList<string> HwbCodes(ReferenceData reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var ranges = new (string Prefix, int Last)[] { ("E06", 60), ("E08", 40), ("E09", 40), ("E10", 40) };
        var codes = ranges
            .SelectMany(r => Enumerable.Range(1, r.Last).Select(n => r.Prefix + n.ToString("D6", CultureInfo.InvariantCulture)))
            .Where(c => c != NelCode && reference.Area(c) is null);
        return [NelCode, .. codes.Take(Count - 1)];
    }

    /// <summary>The 153 workbooks: file name and .xlsx bytes.</summary>
    public static IReadOnlyList<(string FileName, byte[] Bytes)> Files(ReferenceData reference) =>
        [.. HwbCodes(reference).Select(code => ($"{code}-{Period}.xlsx", Bytes(code)))];

    private static byte[] Bytes(string hwbCode)
    {
        var draft = NorthEastLincolnshire.Q2_2017_18();
        if (hwbCode != NelCode)
        {
            draft.HwbCode = hwbCode;
            draft.HwbName = "Health and Wellbeing Board " + hwbCode;
        }

        using var stream = new MemoryStream();
        WorkbookWriter.Write(ReturnWorkbook.Build(draft), stream);
        return stream.ToArray();
    }
}
