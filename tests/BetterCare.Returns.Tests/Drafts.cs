using BetterCare.Fixtures.Seeds;
using BetterCare.Returns.Findings;
using BetterCare.Returns.Validation;
using BetterCare.Workbooks;

namespace BetterCare.Returns.Tests;

/// <summary>The North East Lincolnshire 2017-18 Q2 seed, changed by a test, written as a workbook and checked.</summary>
internal static class Drafts
{
    public static ValidationReport Validate(Action<ReturnDraft> change) => Check(change).Report;

    public static CheckedReturn Check(Action<ReturnDraft> change)
    {
        var draft = NorthEastLincolnshire.Q2_2017_18();
        change(draft);
        using var stream = new MemoryStream(WorkbookWriter.ToBytes(ReturnWorkbook.Build(draft)));
        return new ReturnValidator(TestFiles.Reference).Check(stream, "nel.xlsx");
    }
}
