using BetterCare.Returns.Findings;
using BetterCare.Returns.Model;

namespace BetterCare.Returns.Validation.Rules;

/// <summary>YTD-DECREASE: an actual to date is lower than in the same HWB's accepted return for the previous quarter of the year.</summary>
public sealed class YtdDecreaseRule : IValidationRule
{
    public IReadOnlyList<FindingCode> Emits { get; } = [FindingCode.YtdDecrease];

    public IEnumerable<Finding> Check(ValidationContext context)
    {
        var previous = context.Previous;
        var period = context.Cover?.Period;
        if (previous is null || period?.Previous is not { } expected || previous.Cover?.Period != expected ||
            !string.Equals(previous.Cover?.HwbCode, context.Cover?.HwbCode, StringComparison.OrdinalIgnoreCase))
        {
            yield break;
        }

        foreach (var row in context.Return.Contributions?.Rows ?? [])
        {
            var before = previous.Contributions?.Rows.FirstOrDefault(p => SamePartner(p, row));
            if (before is not null && Fell(before.ActualToDate, row.ActualToDate))
            {
                yield return Finding.Of(FindingCode.YtdDecrease, row.ActualToDate.Sheet, row.ActualToDate.Cell,
                    $"{row.Name}'s actual to date is {row.ActualToDate.Amount}, lower than the {before.ActualToDate.Amount} " +
                    $"accepted for {expected} (down {before.ActualToDate.Amount - row.ActualToDate.Amount}); a year-to-date figure should not fall.");
            }
        }

        // The previous quarter's schemes by ID, the first of each: one look-up per scheme, not a scan.
        var previousSchemes = new Dictionary<string, SchemeRow>(StringComparer.OrdinalIgnoreCase);
        foreach (var s in previous.Schemes?.Rows ?? [])
        {
            if (s.SchemeId.Text?.Trim() is { Length: > 0 } previousId)
            {
                previousSchemes.TryAdd(previousId, s);
            }
        }

        foreach (var row in context.Return.Schemes?.Rows ?? [])
        {
            var id = row.SchemeId.Text?.Trim();
            if (id is { Length: > 0 } && previousSchemes.TryGetValue(id, out var before) && Fell(before.ActualToDate, row.ActualToDate))
            {
                yield return Finding.Of(FindingCode.YtdDecrease, row.ActualToDate.Sheet, row.ActualToDate.Cell,
                    $"Scheme {id}'s actual to date is {row.ActualToDate.Amount}, lower than the {before.ActualToDate.Amount} " +
                    $"accepted for {expected} (down {before.ActualToDate.Amount - row.ActualToDate.Amount}).");
            }
        }
    }

    private static bool SamePartner(PartnerRow a, PartnerRow b) =>
        (a.Code is { Length: > 0 } code && string.Equals(code, b.Code, StringComparison.OrdinalIgnoreCase)) ||
        (a.Partner.Key.Length > 0 && a.Partner.Key == b.Partner.Key);

    private static bool Fell(MoneyCell before, MoneyCell now) =>
        before.HasValue && now.HasValue && now.Amount < before.Amount &&
        Currency.MoneyFigure.Disagree(before.Figure, now.Figure);
}
