using BetterCare.Returns.Currency;
using BetterCare.Returns.Findings;
using BetterCare.Returns.Model;

namespace BetterCare.Returns.Validation.Rules;

/// <summary>
/// PARTNER-BELOW-MINIMUM: a partner's total contribution is below its minimum for the year
/// in the reference data. PARTNER-UNLISTED (info): a partner the reference data does not know.
/// </summary>
public sealed class PartnerBelowMinimumRule : IValidationRule
{
    public IReadOnlyList<FindingCode> Emits { get; } = [FindingCode.PartnerBelowMinimum, FindingCode.PartnerUnlisted];

    public IEnumerable<Finding> Check(ValidationContext context)
    {
        var cover = context.Cover;
        var hwb = cover?.HwbCode;
        if (cover is null || !HwbCode.IsValid(hwb) || context.Reference.Area(hwb) is null ||
            !FinancialYear.TryParse(cover.Text(CoverField.FinancialYear), out var year))
        {
            yield break;
        }

        foreach (var row in context.Return.Contributions?.Rows ?? [])
        {
            if (row.Partner.IsMissing)
            {
                continue;
            }

            var partner = context.Reference.FindPartner(hwb!, row.Code, row.Name);
            if (partner is null)
            {
                yield return Finding.Of(FindingCode.PartnerUnlisted, row.Partner.Sheet, row.Partner.Cell,
                    $"{row.Name} is not among {cover.HwbName ?? hwb}'s partners in the reference data, so its minimum cannot be checked.");
                continue;
            }

            var minimum = context.Reference.MinimumFor(year, hwb!, partner.Code);
            if (minimum is null || ValidationContext.RowTotal(row) is not { } paid)
            {
                continue;
            }

            var required = MoneyFigure.Exact(minimum.Minimum);
            if (paid.Amount < required.Amount && MoneyFigure.Disagree(paid, required))
            {
                var cell = row.Total.HasValue ? row.Total : row.Minimum;
                yield return Finding.Of(FindingCode.PartnerBelowMinimum, cell.Sheet, cell.Cell,
                    $"{row.Name} contributes {paid.Amount}, below its {year} minimum of {minimum.Minimum} " +
                    $"(short by {minimum.Minimum - paid.Amount}; source: {minimum.Source}).");
            }
        }
    }
}
