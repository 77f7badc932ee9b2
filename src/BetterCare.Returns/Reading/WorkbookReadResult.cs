namespace BetterCare.Returns.Reading;

/// <summary>Either the workbook's sheets, or the plain reason it cannot be read.</summary>
public sealed record WorkbookReadResult(WorkbookData? Workbook, string? Problem)
{
    public bool IsReadable => Workbook is not null;

    public static WorkbookReadResult Ok(WorkbookData workbook) => new(workbook, null);

    public static WorkbookReadResult Unreadable(string problem) => new(null, problem);
}
