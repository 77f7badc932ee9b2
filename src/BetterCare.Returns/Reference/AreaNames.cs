namespace BetterCare.Returns.Reference;

/// <summary>
/// Region and county names as people (and environment variables, which cannot hold spaces) write
/// them: "East of England", "east-of-england" and "EAST_OF_ENGLAND" are one name. Compared on
/// their letters and digits alone, ignoring case.
/// </summary>
public static class AreaNames
{
    public static string Fold(string? text) => new([.. (text ?? string.Empty).Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant)]);

    public static bool Same(string? a, string? b) => a is not null && b is not null && Fold(a) == Fold(b);

    /// <summary>The regions of the reference data, in order.</summary>
    public static IReadOnlyList<string> Regions(ReferenceData reference) =>
        [.. (reference ?? throw new ArgumentNullException(nameof(reference))).Areas.Select(a => a.Region).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    /// <summary>The counties of the reference data, in order.</summary>
    public static IReadOnlyList<string> Counties(ReferenceData reference) =>
        [.. (reference ?? throw new ArgumentNullException(nameof(reference))).Areas.Select(a => a.County).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    /// <summary>The reference data's own spelling of a name among <paramref name="known"/>; null when it is none of them.</summary>
    public static string? Find(IEnumerable<string> known, string? name) =>
        (known ?? throw new ArgumentNullException(nameof(known))).FirstOrDefault(k => Same(k, name));
}
