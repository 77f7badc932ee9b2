using BetterCare.Fixtures.Seeds;

namespace BetterCare.Fixtures;

/// <summary>Workbooks for the validation rules' tests: the clean North East Lincolnshire return with one thing changed.</summary>
public static class RuleCases
{
    public static IReadOnlyList<Case> All { get; } =
    [
        Case.FromDraft("clean-return.xlsx", "North East Lincolnshire 2017-18 Q2, no findings", NorthEastLincolnshire.Q2_2017_18),
    ];
}
