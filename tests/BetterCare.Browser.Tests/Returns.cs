using BetterCare.Fixtures.Seeds;
using BetterCare.Workbooks;

namespace BetterCare.Browser.Tests;

/// <summary>Workbooks a lead uploads, written from the North East Lincolnshire 2017-18 Q2 seed into a folder of the test's own.</summary>
internal sealed class Returns : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("returns-");

    /// <summary>Where the test's workbooks (and downloads) go.</summary>
    public string Folder => _folder.FullName;

    /// <summary>The seed as filed: every figure adds up.</summary>
    public string Clean() => Write("nel-2017-18-q2.xlsx", NorthEastLincolnshire.Q2_2017_18());

    /// <summary>The council's forecast raised to £7.5m while the Contributions sheet's Total row still says what it did.</summary>
    public string WithWrongTotal()
    {
        var draft = NorthEastLincolnshire.Q2_2017_18();
        draft.Partners[1] = draft.Partners[1] with { Forecast = 7.5 };
        return Write("nel-2017-18-q2-draft.xlsx", draft);
    }

    /// <summary>Every figure adds up, but the fourth national condition is marked not met: accepted, with a warning for the signatories.</summary>
    public string WithConditionNotMet()
    {
        var draft = NorthEastLincolnshire.Q2_2017_18();
        var conditions = draft.Conditions!;
        conditions[3] = conditions[3] with { Met = "No" };
        return Write("nel-2017-18-q2-condition.xlsx", draft);
    }

    public void Dispose() => _folder.Delete(recursive: true);

    private string Write(string name, ReturnDraft draft)
    {
        var path = Path.Combine(_folder.FullName, name);
        using var file = File.Create(path);
        WorkbookWriter.Write(ReturnWorkbook.Build(draft), file);
        return path;
    }
}
