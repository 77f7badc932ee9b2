namespace BetterCare.App.Auth;

/// <summary>What a caller may see and do. Numbers are explicit because they are configured.</summary>
public enum Role
{
    /// <summary>Uploads and reads its own HWB's returns.</summary>
    HwbLead = 1,

    /// <summary>Reads every HWB of its region.</summary>
    RegionalManager = 2,

    /// <summary>Reads everything.</summary>
    National = 3,

    /// <summary>Reads everything, uploads for any HWB, retries failed submissions.</summary>
    Admin = 4,
}

/// <summary>An authenticated caller: a role and the HWB code or region it is scoped to.</summary>
public sealed record Caller(string Name, Role Role, string? Scope)
{
    public bool CanUploadFor(string hwbCode) =>
        Role == Role.Admin || (Role == Role.HwbLead && string.Equals(Scope, hwbCode, StringComparison.OrdinalIgnoreCase));

    /// <summary>Whether an HWB (with its region) is within this caller's view.</summary>
    public bool CanSee(string? hwbCode, string? region) => Role switch
    {
        Role.Admin or Role.National => true,
        Role.RegionalManager => BetterCare.Returns.Reference.AreaNames.Same(Scope, region),
        Role.HwbLead => string.Equals(Scope, hwbCode, StringComparison.OrdinalIgnoreCase),
        _ => false,
    };
}

/// <summary>A signed-in person (section <c>BetterCare:Principals</c>): their principal name, role and scope.</summary>
public sealed class PrincipalSetting
{
    public string Name { get; set; } = string.Empty;

    public Role Role { get; set; } = Role.HwbLead;

    public string? Scope { get; set; }
}

/// <summary>A configured API key (section <c>BetterCare:ApiKeys</c>): the key, who holds it, the role and its scope.</summary>
public sealed class ApiKeySetting
{
    public string Key { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public Role Role { get; set; } = Role.HwbLead;

    /// <summary>The HWB code for an HWB lead, the region for a regional manager; none for national or admin.</summary>
    public string? Scope { get; set; }

    /// <summary>Where the holder's notices go: decisions on their uploads, deadline reminders, escalations.</summary>
    public string? Email { get; set; }
}
