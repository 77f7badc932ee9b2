using BetterCare.Returns.Model;
using BetterCare.Returns.Reading;

namespace BetterCare.Returns.Parsing;

/// <summary>Turns the sheets read from a workbook into a typed <see cref="QuarterlyReturn"/>. Judges nothing.</summary>
public static class ReturnParser
{
    public static QuarterlyReturn Parse(WorkbookData workbook)
    {
        ArgumentNullException.ThrowIfNull(workbook);
        var builder = new ReturnBuilder(workbook.FileName);
        builder.Cleaned(workbook.Cleaned);

        // The Cover first, so that each table's money is read in the workbook's units as its rows come.
        if (workbook.Sheet(TemplateSheet.Cover) is { } cover)
        {
            builder.Read(TemplateSheet.Cover, cover);
        }

        foreach (var (which, sheet) in workbook.Sheets)
        {
            if (which != TemplateSheet.Cover)
            {
                builder.Read(which, sheet);
            }
        }

        return builder.Build();
    }
}
