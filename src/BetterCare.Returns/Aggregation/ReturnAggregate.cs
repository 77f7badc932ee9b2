using BetterCare.Returns.Currency;
using BetterCare.Returns.Model;

namespace BetterCare.Returns.Aggregation;

/// <summary>Money into the pool: the pool (total contributions), its minimum and additional parts, actual to date and forecast.</summary>
public sealed record PoolFigures(Money Pool, Money Minimum, Money Additional, Money ActualToDate, Money Forecast)
{
    public static PoolFigures Zero { get; } = new(Money.Zero, Money.Zero, Money.Zero, Money.Zero, Money.Zero);

    public static PoolFigures operator +(PoolFigures a, PoolFigures b) =>
        new(a.Pool + b.Pool, a.Minimum + b.Minimum, a.Additional + b.Additional, a.ActualToDate + b.ActualToDate, a.Forecast + b.Forecast);
}

/// <summary>Money out of the pool: planned spend against actual to date and forecast outturn.</summary>
public sealed record SpendFigures(Money Planned, Money ActualToDate, Money Forecast)
{
    public static SpendFigures Zero { get; } = new(Money.Zero, Money.Zero, Money.Zero);

    public static SpendFigures operator +(SpendFigures a, SpendFigures b) =>
        new(a.Planned + b.Planned, a.ActualToDate + b.ActualToDate, a.Forecast + b.Forecast);
}

/// <summary>One partner's contribution to one HWB's pool.</summary>
public sealed record PartnerContribution(string Name, string? Code, PartnerKind Kind, PoolFigures Figures);

/// <summary>
/// A return's totals: the pool by partner type (the CCG/ICB pool against the council's), spend by
/// scheme type, and planned against actual against forecast. Missing figures count as zero
/// here; validation has already warned of them.
/// </summary>
public sealed record ReturnAggregate(
    string? HwbCode,
    string? HwbName,
    ReturnPeriod? Period,
    PoolFigures Pool,
    IReadOnlyDictionary<PartnerKind, PoolFigures> ByPartnerType,
    SpendFigures Spend,
    IReadOnlyDictionary<string, SpendFigures> BySchemeType,
    IReadOnlyList<PartnerContribution> Partners);
