using System.Text.Json;
using System.Text.Json.Serialization;
using BetterCare.Returns.Aggregation;
using BetterCare.Returns.Model;
using BetterCare.Returns.Reading;

namespace BetterCare.Pipeline.Submissions;

/// <summary>Money into the pool, in whole pence.</summary>
public sealed record PoolPence(long Pool, long Minimum, long Additional, long ActualToDate, long Forecast)
{
    public static PoolPence Zero { get; } = new(0, 0, 0, 0, 0);

    public static PoolPence From(PoolFigures f) => new(f.Pool.Pence, f.Minimum.Pence, f.Additional.Pence, f.ActualToDate.Pence, f.Forecast.Pence);

    public static PoolPence operator +(PoolPence a, PoolPence b) =>
        new(a.Pool + b.Pool, a.Minimum + b.Minimum, a.Additional + b.Additional, a.ActualToDate + b.ActualToDate, a.Forecast + b.Forecast);
}

/// <summary>Money out of the pool, in whole pence.</summary>
public sealed record SpendPence(long Planned, long ActualToDate, long Forecast)
{
    public static SpendPence Zero { get; } = new(0, 0, 0);

    public static SpendPence From(SpendFigures f) => new(f.Planned.Pence, f.ActualToDate.Pence, f.Forecast.Pence);

    public static SpendPence operator +(SpendPence a, SpendPence b) =>
        new(a.Planned + b.Planned, a.ActualToDate + b.ActualToDate, a.Forecast + b.Forecast);
}

/// <summary>One partner's contribution, keyed by its code (or its name when the return gives no code).</summary>
public sealed record PartnerPence(string Key, string Name, string? Code, string Kind, PoolPence Figures);

/// <summary>A return's figures as stored: pool by partner type, spend by scheme type, and each partner's lines. Money in pence.</summary>
public sealed record ReturnFigures(
    PoolPence Pool,
    IReadOnlyDictionary<string, PoolPence> ByPartnerType,
    SpendPence Spend,
    IReadOnlyDictionary<string, SpendPence> BySchemeType,
    IReadOnlyList<PartnerPence> Partners)
{
    private static readonly JsonSerializerOptions Json = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public static ReturnFigures From(ReturnAggregate aggregate)
    {
        ArgumentNullException.ThrowIfNull(aggregate);
        return new ReturnFigures(
            PoolPence.From(aggregate.Pool),
            aggregate.ByPartnerType.ToDictionary(kv => kv.Key.Describe(), kv => PoolPence.From(kv.Value)),
            SpendPence.From(aggregate.Spend),
            aggregate.BySchemeType.ToDictionary(kv => kv.Key, kv => SpendPence.From(kv.Value)),
            aggregate.Partners
                .Select(p => new PartnerPence(KeyOf(p.Code, p.Name), p.Name, p.Code, p.Kind.Describe(), PoolPence.From(p.Figures)))
                .ToList());
    }

    /// <summary>A partner's key: its code, else its name folded the way labels are compared.</summary>
    public static string KeyOf(string? code, string name) =>
        string.IsNullOrWhiteSpace(code) ? "name:" + Labels.Normalize(name) : code.Trim().ToUpperInvariant();

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static ReturnFigures? FromJson(string? json) =>
        string.IsNullOrEmpty(json) ? null : JsonSerializer.Deserialize<ReturnFigures>(json, Json);

    public PoolPence ByType(PartnerKind kind) => ByPartnerType.GetValueOrDefault(kind.Describe()) ?? PoolPence.Zero;
}
