using BetterCare.Returns.Reference;

namespace BetterCare.Pipeline.Aggregates;

/// <summary>Which HWBs an aggregate covers. Numbers are explicit because they are stored in roll-up rows.</summary>
public enum ScopeKind
{
    National = 1,
    Region = 2,
    County = 3,
    Hwb = 4,
}

/// <summary>An aggregate's scope: all of England, a region, a county or one HWB.</summary>
public sealed record Scope(ScopeKind Kind, string? Name)
{
    public static Scope National { get; } = new(ScopeKind.National, null);

    public static Scope Region(string name) => new(ScopeKind.Region, name);

    public static Scope County(string name) => new(ScopeKind.County, name);

    public static Scope Hwb(string code) => new(ScopeKind.Hwb, code);

    /// <summary>Whether an HWB, in its region and county, falls within this scope.</summary>
    public bool Includes(string hwbCode, string? region, string? county) => Kind switch
    {
        ScopeKind.National => true,
        ScopeKind.Region => string.Equals(region, Name, StringComparison.OrdinalIgnoreCase),
        ScopeKind.County => string.Equals(county, Name, StringComparison.OrdinalIgnoreCase),
        ScopeKind.Hwb => string.Equals(hwbCode, Name, StringComparison.OrdinalIgnoreCase),
        _ => false,
    };

    /// <summary>The HWBs the reference data puts in this scope: those expected to submit.</summary>
    public IEnumerable<Area> Expected(ReferenceData reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return reference.Areas.Where(a => Includes(a.HwbCode, a.Region, a.County));
    }

    public override string ToString() => Kind == ScopeKind.National ? "England" : $"{Kind.ToString().ToLowerInvariant()} {Name}";
}
