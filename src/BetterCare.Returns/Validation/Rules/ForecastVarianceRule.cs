using BetterCare.Returns.Currency;
using BetterCare.Returns.Findings;
using BetterCare.Returns.Model;

namespace BetterCare.Returns.Validation.Rules;

/// <summary>FORECAST-VARIANCE: a forecast outturn differs from its plan by more than 5% (a scheme's planned spend, a partner's total contribution).</summary>
public sealed class ForecastVarianceRule : IValidationRule
{
    public const int ThresholdPercent = 5;

    public IReadOnlyList<FindingCode> Emits { get; } = [FindingCode.ForecastVariance];

    public IEnumerable<Finding> Check(ValidationContext context)
    {
        foreach (var row in context.Return.Contributions?.Rows ?? [])
        {
            if (row.Total.HasValue && Varies(row.Total.Figure, row.Forecast) is { } f)
            {
                yield return Finding.Of(FindingCode.ForecastVariance, row.Forecast.Sheet, row.Forecast.Cell,
                    $"{row.Name}'s forecast outturn of {row.Forecast.Amount} differs from its total contribution of {row.Total.Amount} by {f}.");
            }
        }

        foreach (var row in context.Return.Schemes?.Rows ?? [])
        {
            if (row.Planned.HasValue && Varies(row.Planned.Figure, row.Forecast) is { } f)
            {
                yield return Finding.Of(FindingCode.ForecastVariance, row.Forecast.Sheet, row.Forecast.Cell,
                    $"Scheme {row.SchemeId.Text}'s forecast outturn of {row.Forecast.Amount} differs from its planned spend of {row.Planned.Amount} by {f}.");
            }
        }
    }

    /// <summary>The difference and its share of plan, when beyond 5% and beyond rounding; else null.</summary>
    private static string? Varies(MoneyFigure plan, MoneyCell forecast)
    {
        if (!forecast.HasValue || !MoneyFigure.Disagree(plan, forecast.Figure))
        {
            return null;
        }

        var diff = (forecast.Amount - plan.Amount).Abs();
        if (plan.Amount.Pence != 0 && diff.Pence * 100 <= ThresholdPercent * Math.Abs(plan.Amount.Pence))
        {
            return null;
        }

        return plan.Amount.Pence == 0
            ? $"{diff} against a plan of nothing"
            : $"{diff} ({100m * diff.Pence / Math.Abs(plan.Amount.Pence):0.#}%, more than {ThresholdPercent}%)";
    }
}
