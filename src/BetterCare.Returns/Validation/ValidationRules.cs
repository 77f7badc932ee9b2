using BetterCare.Returns.Validation.Rules;

namespace BetterCare.Returns.Validation;

/// <summary>The rules every return is checked against, in the order their findings are listed.</summary>
public static class ValidationRules
{
    public static IReadOnlyList<IValidationRule> All { get; } =
    [
        new RequiredSheetsRule(),
        new TemplateVersionRule(),
        new RequiredFieldsRule(),
        new CoverFieldsRule(),
        new ChoicesRule(),
        new ContactDetailsRule(),
        new FieldLimitsRule(),
        new TextCleanedRule(),
        new HwbReferenceRule(),
        new MoneyInvalidRule(),
        new UnitsMismatchRule(),
        new MoneyRangeRule(),
        new MoneyMissingRule(),
        new PartnerTotalRule(),
        new ColumnTotalRule(),
        new CoverTotalRule(),
        new CoverMinimumRule(),
        new PoolBelowMinimumRule(),
        new PartnerBelowMinimumRule(),
        new SchemeAllocationRule(),
        new SchemePartnerRule(),
        new DfgPassThroughRule(),
        new ForecastVarianceRule(),
        new YtdDecreaseRule(),
        new NationalConditionsRule(),
        new SignatoryRule(),
        new MetricValuesRule(),
        new RiskScoreRule(),
        new RiskDuplicateRule(),
    ];
}
