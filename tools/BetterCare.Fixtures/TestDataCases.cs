namespace BetterCare.Fixtures;

/// <summary>Every file in tests/BetterCare.Returns.Tests/TestData, one per case.</summary>
public static class TestDataCases
{
    public static IReadOnlyList<Case> All { get; } = [.. RuleCases.All, .. ReadingCases.All];
}
