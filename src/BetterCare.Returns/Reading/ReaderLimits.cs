namespace BetterCare.Returns.Reading;

/// <summary>
/// What the reader refuses, so a return in flight costs bounded time and memory whatever
/// the file. The defaults are the template spec's.
/// </summary>
public sealed record ReaderLimits
{
    /// <summary>Largest file accepted, in bytes. Default 20 MB.</summary>
    public long MaxFileBytes { get; init; } = 20L * 1024 * 1024;

    /// <summary>Most non-blank rows in any sheet the template reads. Default 10,000.</summary>
    public int MaxUsedRows { get; init; } = 10_000;

    /// <summary>Columns past this are not read: no template table is this wide. Default 64.</summary>
    public int MaxColumns { get; init; } = 64;

    /// <summary>
    /// Most bytes a workbook's parts may inflate to, added up. Default 32 MB: four times a return of
    /// 9,900 schemes (under 8 MB), and low enough that reading the worst file within the limits
    /// costs under 100 MB (measured by the HostileReadBenchmarks).
    /// </summary>
    public long MaxUncompressedBytes { get; init; } = 16L * 1024 * 1024;

    /// <summary>Largest inflation ratio of any part bigger than <see cref="RatioCheckFromBytes"/>. Default 100.</summary>
    public int MaxCompressionRatio { get; init; } = 100;

    /// <summary>Parts smaller than this are not checked for ratio: tiny XML compresses well. Default 1 MB.</summary>
    public long RatioCheckFromBytes { get; init; } = 1024 * 1024;

    public static ReaderLimits Default { get; } = new();

    /// <summary>A size as a limit is stated to a person: "20 MB", "1.5 MB", "512 KB", "900 bytes".</summary>
    internal static string Describe(long bytes) => bytes switch
    {
        >= 1024 * 1024 => $"{Math.Round(bytes / (1024.0 * 1024), 1).ToString(System.Globalization.CultureInfo.InvariantCulture)} MB",
        >= 1024 => $"{Math.Round(bytes / 1024.0, 1).ToString(System.Globalization.CultureInfo.InvariantCulture)} KB",
        _ => $"{bytes.ToString(System.Globalization.CultureInfo.InvariantCulture)} bytes",
    };
}
