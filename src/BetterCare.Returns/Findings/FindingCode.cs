namespace BetterCare.Returns.Findings;

/// <summary>
/// A stable finding code. String-backed so codes stored by older versions still read back
/// when new ones are added; the known codes are the spec's table plus the product's own.
/// </summary>
public readonly record struct FindingCode
{
    private FindingCode(string value, Severity defaultSeverity, string title)
    {
        Value = value;
        DefaultSeverity = defaultSeverity;
        Title = title;
    }

    public string Value { get; }

    public Severity DefaultSeverity { get; }

    public string Title { get; }

    public static readonly FindingCode FileUnreadable = new("FILE-UNREADABLE", Severity.Error, "The file cannot be read as a workbook");
    public static readonly FindingCode SheetMissing = new("SHEET-MISSING", Severity.Error, "A required sheet is absent");
    public static readonly FindingCode TemplateVersion = new("TEMPLATE-VERSION", Severity.Error, "Unknown or missing template version");
    public static readonly FindingCode FieldMissing = new("FIELD-MISSING", Severity.Error, "A required label, column or value is absent");
    public static readonly FindingCode TextCleaned = new("TEXT-CLEANED", Severity.Info, "Text was made safe as it was read");
    public static readonly FindingCode FieldInvalid = new("FIELD-INVALID", Severity.Error, "A code, year, quarter, email, date or choice is malformed");
    public static readonly FindingCode MoneyInvalid = new("MONEY-INVALID", Severity.Error, "A money cell is not a money value");
    public static readonly FindingCode MoneyRange = new("MONEY-RANGE", Severity.Error, "A money value is out of range");
    public static readonly FindingCode MoneyMissing = new("MONEY-MISSING", Severity.Warning, "A money value is TBC or blank");
    public static readonly FindingCode PartnerTotal = new("PARTNER-TOTAL", Severity.Error, "A partner's minimum plus additional is not its total");
    public static readonly FindingCode ColumnTotal = new("COLUMN-TOTAL", Severity.Error, "A column does not sum to its Total row");
    public static readonly FindingCode CoverTotal = new("COVER-TOTAL", Severity.Error, "Cover's total pooled budget differs from the contributions");
    public static readonly FindingCode CoverMinimum = new("COVER-MINIMUM", Severity.Error, "Cover's minimum differs from the minimum contributions");
    public static readonly FindingCode PoolBelowMinimum = new("POOL-BELOW-MINIMUM", Severity.Error, "The pool is below the minimum required value");
    public static readonly FindingCode PartnerBelowMinimum = new("PARTNER-BELOW-MINIMUM", Severity.Error, "A partner contributes less than its reference minimum");
    public static readonly FindingCode SchemesUnallocated = new("SCHEMES-UNALLOCATED", Severity.Warning, "Planned scheme spend is less than the pool");
    public static readonly FindingCode SchemesOvercommitted = new("SCHEMES-OVERCOMMITTED", Severity.Error, "Planned scheme spend exceeds the pool");
    public static readonly FindingCode SchemePartnerUnknown = new("SCHEME-PARTNER-UNKNOWN", Severity.Error, "A scheme's funding partner is not in Contributions");
    public static readonly FindingCode DfgPassThrough = new("DFG-PASS-THROUGH", Severity.Error, "District allocations differ from the DFG schemes");
    public static readonly FindingCode ForecastVariance = new("FORECAST-VARIANCE", Severity.Warning, "Forecast outturn differs from plan by more than 5%");
    public static readonly FindingCode YtdDecrease = new("YTD-DECREASE", Severity.Warning, "An actual to date fell since the previous quarter");
    public static readonly FindingCode ConditionNotMet = new("CONDITION-NOT-MET", Severity.Warning, "A national condition is not met");
    public static readonly FindingCode SignatoryMissing = new("SIGNATORY-MISSING", Severity.Error, "An organisation has no complete signatory");
    public static readonly FindingCode RiskScore = new("RISK-SCORE", Severity.Warning, "A risk's scores do not agree");
    public static readonly FindingCode RiskDuplicate = new("RISK-DUPLICATE", Severity.Warning, "Two risks share a number");
    public static readonly FindingCode UnitsMismatch = new("UNITS-MISMATCH", Severity.Warning, "Figures were read in other units than stated");

    // The product's own codes, beyond the spec's table.
    public static readonly FindingCode HwbUnlisted = new("HWB-UNLISTED", Severity.Info, "The HWB is not in the reference data");
    public static readonly FindingCode PartnerUnlisted = new("PARTNER-UNLISTED", Severity.Info, "A partner is not in the reference data");

    public static IReadOnlyList<FindingCode> Known { get; } =
    [
        FileUnreadable, SheetMissing, TemplateVersion, FieldMissing, FieldInvalid, MoneyInvalid, MoneyRange,
        MoneyMissing, PartnerTotal, ColumnTotal, CoverTotal, CoverMinimum, PoolBelowMinimum, PartnerBelowMinimum,
        SchemesUnallocated, SchemesOvercommitted, SchemePartnerUnknown, DfgPassThrough, ForecastVariance,
        YtdDecrease, ConditionNotMet, SignatoryMissing, RiskScore, RiskDuplicate, UnitsMismatch, HwbUnlisted, PartnerUnlisted, TextCleaned,
    ];

    /// <summary>Reads a stored code; an unknown one is kept as it was written, with warning severity.</summary>
    public static FindingCode Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        foreach (var code in Known)
        {
            if (string.Equals(code.Value, value, StringComparison.OrdinalIgnoreCase))
            {
                return code;
            }
        }

        return new FindingCode(value.ToUpperInvariant(), Severity.Warning, value);
    }

    public bool Equals(FindingCode other) => string.Equals(Value, other.Value, StringComparison.Ordinal);

    public override int GetHashCode() => Value is null ? 0 : StringComparer.Ordinal.GetHashCode(Value);

    public override string ToString() => Value;
}
