using BetterCare.Fixtures.Seeds;

namespace BetterCare.Fixtures;

/// <summary>The sample returns under samples/, built from the seeds' real figures.</summary>
public static class Samples
{
    public static IReadOnlyList<Case> All { get; } =
    [
        Case.FromDraft("essex-2016-17-q2.xlsx", "Essex 2016-17 with the plan's real discrepancies", Essex.Q2_2016_17),
        Case.FromDraft("essex-2016-17-q2-mixed-units.xlsx", "Essex 2016-17 with Units £000s and the Cover and district allocations in pounds", Essex.Q2_2016_17_MixedUnits),
        Case.FromDraft("southend-on-sea-2017-18-q2.xlsx", "Southend-on-Sea 2017-18, money written as £12.151M", Southend.Q2_2017_18),
        Case.FromDraft("north-east-lincolnshire-2017-18-q2.xlsx", "North East Lincolnshire 2017-18: a clean return", NorthEastLincolnshire.Q2_2017_18),
    ];
}
