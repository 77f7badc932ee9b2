using BetterCare.Returns.Currency;
using BetterCare.Returns.Model;
using BetterCare.Returns.Reading;
using BetterCare.Returns.Validation.Rules;

namespace BetterCare.Returns.Aggregation;

/// <summary>Adds a return's figures up into its <see cref="ReturnAggregate"/>.</summary>
public static class Aggregator
{
    private static readonly Dictionary<string, string> SchemeTypeNames =
        ChoicesRule.SchemeTypes.ToDictionary(Labels.Normalize, t => t, StringComparer.Ordinal);

    public static ReturnAggregate Aggregate(QuarterlyReturn r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var partners = new List<PartnerContribution>();
        var byType = new Dictionary<PartnerKind, PoolFigures>();
        var pool = PoolFigures.Zero;
        foreach (var row in r.Contributions?.Rows ?? [])
        {
            var total = row.Total.HasValue ? row.Total.Amount : Value(row.Minimum) + Value(row.Additional);
            var figures = new PoolFigures(total, Value(row.Minimum), Value(row.Additional), Value(row.ActualToDate), Value(row.Forecast));
            partners.Add(new PartnerContribution(row.Name, row.Code, row.Kind, figures));
            byType[row.Kind] = byType.GetValueOrDefault(row.Kind, PoolFigures.Zero) + figures;
            pool += figures;
        }

        var bySchemeType = new SortedDictionary<string, SpendFigures>(StringComparer.Ordinal);
        var spend = SpendFigures.Zero;
        foreach (var row in r.Schemes?.Rows ?? [])
        {
            var type = SchemeTypeNames.GetValueOrDefault(row.SchemeType.Key) ?? "Other";
            var figures = new SpendFigures(Value(row.Planned), Value(row.ActualToDate), Value(row.Forecast));
            bySchemeType[type] = bySchemeType.GetValueOrDefault(type, SpendFigures.Zero) + figures;
            spend += figures;
        }

        return new ReturnAggregate(r.Cover?.HwbCode, r.Cover?.HwbName, r.Cover?.Period, pool, byType, spend, bySchemeType, partners);
    }

    private static Money Value(MoneyCell cell) => cell.HasValue ? cell.Amount : Money.Zero;
}
