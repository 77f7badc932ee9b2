namespace BetterCare.Returns.Parsing;

/// <summary>The columns of each table in template BCF-QR-1, as the spec lists them.</summary>
public static class Columns
{
    public static class Contributions
    {
        public static readonly ColumnSpec Partner = new("Partner", true);
        public static readonly ColumnSpec PartnerType = new("Partner type", true);
        public static readonly ColumnSpec PartnerCode = new("Partner code", false);
        public static readonly ColumnSpec Minimum = new("Minimum contribution", true, true);
        public static readonly ColumnSpec Additional = new("Additional contribution", true, true);
        public static readonly ColumnSpec Total = new("Total contribution", true, true);
        public static readonly ColumnSpec ActualToDate = new("Actual to date", true, true);
        public static readonly ColumnSpec Forecast = new("Forecast outturn", true, true);

        public static IReadOnlyList<ColumnSpec> All { get; } =
            [Partner, PartnerType, PartnerCode, Minimum, Additional, Total, ActualToDate, Forecast];
    }

    public static class Schemes
    {
        public static readonly ColumnSpec SchemeId = new("Scheme ID", true);
        public static readonly ColumnSpec SchemeName = new("Scheme name", true);
        public static readonly ColumnSpec SchemeType = new("Scheme type", true);
        public static readonly ColumnSpec FundingPartner = new("Funding partner", true);
        public static readonly ColumnSpec Commissioner = new("Commissioner", false);
        public static readonly ColumnSpec Provider = new("Provider", false);
        public static readonly ColumnSpec Planned = new("Planned spend", true, true);
        public static readonly ColumnSpec ActualToDate = new("Actual to date", true, true);
        public static readonly ColumnSpec Forecast = new("Forecast outturn", true, true);

        public static IReadOnlyList<ColumnSpec> All { get; } =
            [SchemeId, SchemeName, SchemeType, FundingPartner, Commissioner, Provider, Planned, ActualToDate, Forecast];
    }

    public static class SignOff
    {
        public static readonly ColumnSpec Organisation = new("Organisation", true);
        public static readonly ColumnSpec SigningFor = new("Signing for", true);
        public static readonly ColumnSpec Name = new("Name", true);
        public static readonly ColumnSpec Position = new("Position", true);
        public static readonly ColumnSpec Email = new("Email", true);
        public static readonly ColumnSpec DateSigned = new("Date signed", true);

        public static IReadOnlyList<ColumnSpec> All { get; } = [Organisation, SigningFor, Name, Position, Email, DateSigned];
    }

    public static class Conditions
    {
        public static readonly ColumnSpec Condition = new("Condition", true, false, "National condition");
        public static readonly ColumnSpec Met = new("Met", true);
        public static readonly ColumnSpec Commentary = new("Commentary", true);

        public static IReadOnlyList<ColumnSpec> All { get; } = [Condition, Met, Commentary];
    }

    public static class Metrics
    {
        public static readonly ColumnSpec Metric = new("Metric", true);
        public static readonly ColumnSpec Unit = new("Unit", false);
        public static readonly ColumnSpec Plan = new("Plan", true);
        public static readonly ColumnSpec Actual = new("Actual", true);
        public static readonly ColumnSpec Commentary = new("Commentary", false);

        public static IReadOnlyList<ColumnSpec> All { get; } = [Metric, Unit, Plan, Actual, Commentary];
    }

    public static class Dfg
    {
        public static readonly ColumnSpec District = new("District council", true, false, "District");
        public static readonly ColumnSpec Allocation = new("Allocation", true, true);

        public static IReadOnlyList<ColumnSpec> All { get; } = [District, Allocation];
    }

    public static class Risks
    {
        public static readonly ColumnSpec Number = new("No", false, false, "Number", "Risk number", "Risk no", "Ref", "Risk ref", "ID", "Risk ID");
        public static readonly ColumnSpec Risk = new("Risk", true, false, "Risk description");
        public static readonly ColumnSpec Likelihood = new("Likelihood", true);
        public static readonly ColumnSpec Impact = new("Impact", true);
        public static readonly ColumnSpec Overall = new("Overall", true, false, "Overall risk", "Overall score", "Risk score");
        public static readonly ColumnSpec Mitigation = new("Mitigation", false, false, "Mitigating actions", "Mitigation actions");
        public static readonly ColumnSpec Owner = new("Owner", false, false, "Risk owner");

        public static IReadOnlyList<ColumnSpec> All { get; } = [Number, Risk, Likelihood, Impact, Overall, Mitigation, Owner];
    }
}
