namespace BetterCare.Workbooks;

public sealed record PartnerDraft(
    string Name, string Type, string? Code, object? Minimum, object? Additional, object? Total, object? ActualToDate, object? Forecast);

public sealed record SchemeDraft(
    string Id, string Name, string Type, string FundingPartner, string? Commissioner, string? Provider,
    object? Planned, object? ActualToDate, object? Forecast);

public sealed record SignatoryDraft(string Organisation, string SigningFor, string? Name, string? Position, string? Email, object? DateSigned);

public sealed record ConditionDraft(string Condition, string? Met, string? Commentary);

public sealed record MetricDraft(string Metric, string Unit, object? Plan, object? Actual, string? Commentary);

public sealed record DistrictDraft(string District, object? Allocation);

public sealed record RiskDraft(string? Number, string Risk, object? Likelihood, object? Impact, object? Overall, string? Mitigation, string? Owner);

/// <summary>
/// The content of a BCF-QR-1 return, cell values as a person would type them (numbers, or text
/// such as "£1,234" or "TBC"). <see cref="ReturnWorkbook"/> lays it out as the template does.
/// </summary>
public sealed class ReturnDraft
{
    public string? TemplateVersion { get; set; } = "BCF-QR-1";

    public string? HwbName { get; set; }

    public string? HwbCode { get; set; }

    public string? FinancialYear { get; set; }

    public string? Quarter { get; set; }

    public string? Units { get; set; } = "£";

    public object? MinimumRequired { get; set; }

    public object? TotalAgreed { get; set; }

    public string? CompletedBy { get; set; }

    public string? Email { get; set; }

    public object? DateCompleted { get; set; }

    /// <summary>A unit suffix for the Contributions money headers, e.g. "£000's"; null uses the Cover's units.</summary>
    public string? ContributionUnits { get; set; }

    public string? SchemeUnits { get; set; }

    public List<PartnerDraft> Partners { get; } = [];

    /// <summary>The Total row's stated figures (minimum, additional, total, actual, forecast); null for no Total row, empty for SUM formulas.</summary>
    public object?[]? PartnerTotals { get; set; }

    public List<SchemeDraft> Schemes { get; } = [];

    /// <summary>The Total row's stated figures (planned, actual, forecast); null for no Total row, empty for SUM formulas.</summary>
    public object?[]? SchemeTotals { get; set; }

    public List<SignatoryDraft> Signatories { get; } = [];

    /// <summary>Null leaves out the optional National Conditions sheet.</summary>
    public List<ConditionDraft>? Conditions { get; set; }

    public List<MetricDraft>? Metrics { get; set; }

    public List<DistrictDraft>? Districts { get; set; }

    public object? DistrictTotal { get; set; }

    public List<RiskDraft>? Risks { get; set; }

    /// <summary>Mark the cells a person fills in, and put drop-down lists on the closed choices.</summary>
    public bool MarkInputs { get; set; }

    /// <summary>Blank rows left under each table for a person to add partners, schemes and so on.</summary>
    public int SpareRows { get; set; }
}
