namespace BetterCare.Returns.Reading;

/// <summary>
/// Takes a workbook's template sheets as <see cref="WorkbookReader"/> reads them: each sheet's
/// start, its non-blank rows in order, then its end. A row is the target's to keep or let go.
/// </summary>
internal interface ISheetRowTarget
{
    /// <summary>A sheet starts. <paramref name="expectedRows"/> is a capacity hint (the sheet's stored row count, capped), never a promise.</summary>
    void StartSheet(TemplateSheet sheet, string name, int expectedRows);

    void Add(SheetRow row);

    /// <summary>A cell of the current sheet whose text was made safe as it was read (it comes in its row as cleaned).</summary>
    void Cleaned(CellAddress address, string change);

    void EndSheet();
}
