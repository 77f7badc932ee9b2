using BetterCare.Returns.Findings;
using BetterCare.Returns.Reading;
using BetterCare.Returns.Validation;

namespace BetterCare.Returns.Tests.Reading;

/// <summary>Checks that a file was refused: one FILE-UNREADABLE error, and nothing else, saying why in the words given.</summary>
internal static class Refused
{
    public static Finding Once(ValidationReport report, params string[] because)
    {
        var finding = Assert.Single(report.Findings);
        Assert.Equal(FindingCode.FileUnreadable, finding.Code);
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.False(report.IsValid);
        foreach (var words in because)
        {
            Assert.Contains(words, finding.Message, StringComparison.OrdinalIgnoreCase);
        }

        return finding;
    }

    public static Finding Once(string testFile, params string[] because) => Once(TestFiles.Validate(testFile), because);

    public static ValidationReport Check(byte[] bytes, string fileName, ReaderLimits? limits = null) =>
        new ReturnValidator(TestFiles.Reference, limits: limits).Check(new MemoryStream(bytes), fileName).Report;
}
