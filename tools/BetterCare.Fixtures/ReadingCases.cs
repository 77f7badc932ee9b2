using System.Text;
using BetterCare.Fixtures.Reading;
using BetterCare.Fixtures.Seeds;
using BetterCare.Workbooks;

namespace BetterCare.Fixtures;

/// <summary>
/// Workbooks for the reader's tests: unreadable files, layouts the parser must see through.
/// Each is the clean North East Lincolnshire return with one thing changed. The hand-made
/// ones (clean-return.xls, encrypted.xlsx, encrypted.xls) are not here: README.md says how they were made.
/// </summary>
public static class ReadingCases
{
    public static IReadOnlyList<Case> All { get; } =
    [
        Case.FromBytes("empty-file.xlsx", "a file of no bytes", () => []),
        Case.FromBytes("text-renamed.xlsx", "a CSV export renamed .xlsx", NotWorkbooks.CsvText),
        Case.FromBytes("word-document-renamed.xlsx", "a Word document renamed .xlsx: a zip with no workbook", NotWorkbooks.WordDocument),
        Case.FromBytes("truncated.xlsx", "the clean return cut off half way, as by a failed upload", () => Clean()[..(Clean().Length / 2)]),
        Case.FromBytes("macro-enabled.xlsm", "the clean return saved as a macro-enabled workbook", MacroEnabled),
        Case.FromBytes("macro-enabled-renamed.xlsx", "the macro-enabled workbook renamed .xlsx", MacroEnabled),
        Case.FromBytes("zip-bomb.xlsx", "a Cover sheet that inflates to 1.1 GB, honestly declared", () => ZipBombs.Honest(Clean(), CoverPart())),
        Case.FromBytes("zip-bomb-lying-sizes.xlsx", "the same bomb, its zip headers forged to declare 4 KB", () => ZipBombs.LyingSizes(Clean(), CoverPart(), 4096)),
        Case.FromDraft("too-many-rows.xlsx", "10,001 used rows on Schemes: working notes below the table", NorthEastLincolnshire.Q2_2017_18, TooManyRows),
        Case.FromDraft("dimension-a1.xlsx", "every sheet's stored <dimension ref> says A1, as some writers leave it", NorthEastLincolnshire.Q2_2017_18, w => w.Sheets.ForEach(s => s.RecordedDimension = "A1")),
        Case.FromDraft("numbered-sheet-names.xlsx", "sheets named \"1) Cover\", \"2) Contributions \", \"Sheet 3 - Schemes\" ...", NorthEastLincolnshire.Q2_2017_18, NumberSheets),
        Case.FromDraft("inserted-rows-and-columns.xlsx", "rows and columns inserted above and left of every table, and a Notes column inside Contributions", NorthEastLincolnshire.Q2_2017_18, InsertRowsAndColumns),
        Case.FromBytes("hidden-rows-and-merged-cells.xlsx", "a hidden partner row and scheme row, merged titles and a merged Provider cell", HiddenRowsAndMergedCells),
        Case.FromDraft("blank-rows-inside-table.xlsx", "blank rows (one of spaces) between the rows of Contributions and Schemes", NorthEastLincolnshire.Q2_2017_18, BlankRowsInsideTables),
        Case.FromDraft("notes-below-total-row.xlsx", "notes and figures below the Total rows", NorthEastLincolnshire.Q2_2017_18, NotesBelowTotals),
        Case.FromDraft("header-units-override.xlsx", "Cover units £, Contributions and Schemes headed (£000's)", HeaderUnitsOverride),
        Case.FromDraft("uk-date-text.xlsx", "Date completed written as the text \"25/09/2017\"", () => With(NorthEastLincolnshire.Q2_2017_18(), d => d.DateCompleted = "25/09/2017")),
    ];

    private static byte[] Clean() => Xlsx.Write(ReturnWorkbook.Build(NorthEastLincolnshire.Q2_2017_18()));

    private static string CoverPart() => Xlsx.SheetPart(Clean(), "Cover");

    private static ReturnDraft With(ReturnDraft draft, Action<ReturnDraft> change)
    {
        change(draft);
        return draft;
    }

    private static byte[] MacroEnabled()
    {
        const string vbaRelationship =
            "<Relationship Type=\"http://schemas.microsoft.com/office/2006/relationships/vbaProject\" Target=\"/xl/vbaProject.bin\" Id=\"RvbaProject1\" />";
        // A VBA project is a compound file; its first bytes are enough for anything that sniffs it.
        byte[] vbaProject = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[504]];
        return Xlsx.Rewrite(
            Clean(),
            (name, bytes) => name switch
            {
                "[Content_Types].xml" => Edit(bytes, t => t
                    .Replace("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", "application/vnd.ms-excel.sheet.macroEnabled.main+xml", StringComparison.Ordinal)
                    .Replace("</Types>", "<Default Extension=\"bin\" ContentType=\"application/vnd.ms-office.vbaProject\" /></Types>", StringComparison.Ordinal)),
                "xl/_rels/workbook.xml.rels" => Edit(bytes, t => t.Replace("</Relationships>", vbaRelationship + "</Relationships>", StringComparison.Ordinal)),
                _ => bytes,
            },
            new Dictionary<string, byte[]> { ["xl/vbaProject.bin"] = vbaProject });
    }

    private static byte[] Edit(byte[] utf8, Func<string, string> edit) => Encoding.UTF8.GetBytes(edit(Encoding.UTF8.GetString(utf8)));

    private static void TooManyRows(WorkbookDraft workbook)
    {
        var schemes = workbook.Sheet("Schemes");
        var used = schemes.Rows.Count(r => r is { Length: > 0 });
        for (var i = 1; used < 10_001; i++, used++)
        {
            schemes.AddRow("Working", i);
        }
    }

    private static void NumberSheets(WorkbookDraft workbook)
    {
        string[] names = ["1) Cover", "2) Contributions ", "Sheet 3 - Schemes", "4. SIGN-OFF", " national conditions ", "6) Metrics", "Sheet 7 - Risks"];
        for (var i = 0; i < workbook.Sheets.Count; i++)
        {
            workbook.Sheets[i].Name = names[i];
        }
    }

    private static void InsertRowsAndColumns(WorkbookDraft workbook)
    {
        Layouts.InsertColumn(workbook.Sheet("Contributions"), ReturnWorkbook.TitleRows, 3, "Notes");
        var shift = 0;
        foreach (var sheet in workbook.Sheets)
        {
            shift++;
            Layouts.Shift(sheet, rows: 1 + (shift % 3), columns: 1 + (shift % 2));
        }
    }

    private static byte[] HiddenRowsAndMergedCells()
    {
        var draft = ReturnWorkbook.Build(NorthEastLincolnshire.Q2_2017_18());
        var schemes = draft.Sheet("Schemes");
        var nel02 = Layouts.RowStarting(schemes, "NEL02");
        // Two schemes with the same provider, the second's cell merged into the first's: only the first holds the name.
        schemes.Rows[nel02]![5] = null;
        var bytes = Xlsx.Write(draft);
        bytes = Xlsx.EditSheet(bytes, "Contributions", xml => Xlsx.MergeCells(Xlsx.HideRows(xml, 5), "A1:H1", "A2:H2"));
        bytes = Xlsx.EditSheet(bytes, "Schemes", xml => Xlsx.MergeCells(Xlsx.HideRows(xml, 6), "A1:I1", "A2:I2", $"F{nel02}:F{nel02 + 1}"));
        return Xlsx.EditSheet(bytes, "Cover", xml => Xlsx.MergeCells(xml, "A1:B1", "A2:B2"));
    }

    private static void BlankRowsInsideTables(WorkbookDraft workbook)
    {
        var contributions = workbook.Sheet("Contributions");
        var first = ReturnWorkbook.TitleRows + 1;
        Layouts.InsertBlankRows(contributions, first, first + 1, Layouts.RowStarting(contributions, "Total"));
        var schemes = workbook.Sheet("Schemes");
        Layouts.InsertBlankRows(schemes, first + 2, first + 3, first + 7);
    }

    private static void NotesBelowTotals(WorkbookDraft workbook)
    {
        var contributions = workbook.Sheet("Contributions");
        contributions.AddRow();
        contributions.AddRow("Notes");
        contributions.AddRow("Figures agreed by the HWB on 11/09/2017.");
        contributions.AddRow("Memo: iBCF", "Local authority", null, 4.1, null, 4.1, 2.1, 4.1);
        var schemes = workbook.Sheet("Schemes");
        schemes.AddRow("Note: NEL09 includes winter pressures funding.");
        schemes.AddRow("NEL10", "Proposed: falls prevention", "Community services", NorthEastLincolnshire.Ccg, null, null, 0.3, 0, 0.3);
    }

    private static ReturnDraft HeaderUnitsOverride()
    {
        var d = NorthEastLincolnshire.Q2_2017_18();
        d.Units = "£";
        d.MinimumRequired = 17_900_000;
        d.TotalAgreed = 17_900_000;
        d.ContributionUnits = "£000's";
        d.SchemeUnits = "£000's";
        d.PartnerTotals = d.PartnerTotals!.Select(Thousands).ToArray();
        d.SchemeTotals = d.SchemeTotals!.Select(Thousands).ToArray();
        var partners = d.Partners.Select(p => p with
        {
            Minimum = Thousands(p.Minimum),
            Additional = Thousands(p.Additional),
            Total = Thousands(p.Total),
            ActualToDate = Thousands(p.ActualToDate),
            Forecast = Thousands(p.Forecast),
        }).ToList();
        var schemes = d.Schemes.Select(s => s with { Planned = Thousands(s.Planned), ActualToDate = Thousands(s.ActualToDate), Forecast = Thousands(s.Forecast) }).ToList();
        d.Partners.Clear();
        d.Partners.AddRange(partners);
        d.Schemes.Clear();
        d.Schemes.AddRange(schemes);
        return d;
    }

    /// <summary>A figure in £m as the same figure in £000s; text such as "nil" stays as written.</summary>
    private static object? Thousands(object? millions) => millions is double m ? Math.Round(m * 1000, 3) : millions;
}
