namespace BetterCare.Fixtures;

/// <summary>Workbooks for the reader's tests: unreadable files, layouts the parser must see through.</summary>
public static class ReadingCases
{
    public static IReadOnlyList<Case> All { get; } = [];
}
