namespace BetterCare.Returns.Model;

/// <summary>Contributions: one partner body's money into the pool.</summary>
public sealed record PartnerRow(
    int Row,
    CellValue Partner,
    CellValue PartnerType,
    CellValue? PartnerCode,
    MoneyCell Minimum,
    MoneyCell Additional,
    MoneyCell Total,
    MoneyCell ActualToDate,
    MoneyCell Forecast)
{
    public string Name => Partner.Text ?? string.Empty;

    public string? Code => PartnerCode?.Text?.Trim().ToUpperInvariant();

    /// <summary>Whether this body is an NHS commissioner (CCG or ICB) or the council.</summary>
    public PartnerKind Kind => PartnerKinds.FromType(PartnerType.Key);
}

/// <summary>Schemes: money out of the pool.</summary>
public sealed record SchemeRow(
    int Row,
    CellValue SchemeId,
    CellValue SchemeName,
    CellValue SchemeType,
    CellValue FundingPartner,
    CellValue? Commissioner,
    CellValue? Provider,
    MoneyCell Planned,
    MoneyCell ActualToDate,
    MoneyCell Forecast);

/// <summary>Sign-off: a signatory for an organisation.</summary>
public sealed record SignatoryRow(
    int Row,
    CellValue Organisation,
    CellValue SigningFor,
    CellValue Name,
    CellValue Position,
    CellValue Email,
    CellValue? DateSigned);

/// <summary>National Conditions: whether a condition is met, and why not.</summary>
public sealed record ConditionRow(int Row, CellValue Condition, CellValue Met, CellValue? Commentary);

/// <summary>Metrics: a performance metric's plan and actual.</summary>
public sealed record MetricRow(int Row, CellValue Metric, CellValue? Unit, CellValue Plan, CellValue? Actual, CellValue? Commentary);

/// <summary>DFG: the Disabled Facilities Grant passed on to a district council.</summary>
public sealed record DistrictRow(int Row, CellValue District, MoneyCell Allocation);

/// <summary>Risks: a numbered risk with its scores.</summary>
public sealed record RiskRow(
    int Row,
    CellValue? Number,
    CellValue Risk,
    CellValue Likelihood,
    CellValue Impact,
    CellValue Overall,
    CellValue? Mitigation,
    CellValue? Owner);

public enum PartnerKind
{
    Other = 0,
    NhsCommissioner = 1,
    Council = 2,
}

public static class PartnerKinds
{
    public static PartnerKind FromType(string normalizedType) => normalizedType switch
    {
        "ccg" or "icb" => PartnerKind.NhsCommissioner,
        "local authority" or "council" => PartnerKind.Council,
        _ => PartnerKind.Other,
    };

    public static string Describe(this PartnerKind kind) => kind switch
    {
        PartnerKind.NhsCommissioner => "CCG/ICB",
        PartnerKind.Council => "Council",
        _ => "Other",
    };
}
