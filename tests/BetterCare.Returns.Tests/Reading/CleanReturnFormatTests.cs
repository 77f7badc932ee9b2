using BetterCare.Returns.Model;
using BetterCare.Returns.Reading;

namespace BetterCare.Returns.Tests.Reading;

/// <summary>The clean return, once per file format: every format must read to the same figures and findings.</summary>
public abstract class CleanReturnFormatTests
{
    protected abstract string FileName { get; }

    [Fact]
    public void CleanReturnHasNoFindings() => Assert.Empty(TestFiles.Validate(FileName).Findings);

    [Fact]
    public void CleanReturnReadsEveryTemplateSheet()
    {
        var read = new WorkbookReader().Read(TestFiles.Path(FileName));

        Assert.True(read.IsReadable, read.Problem);
        Assert.Equal(
            [TemplateSheet.Cover, TemplateSheet.Contributions, TemplateSheet.Schemes, TemplateSheet.SignOff, TemplateSheet.NationalConditions, TemplateSheet.Metrics, TemplateSheet.Risks],
            read.Workbook!.Sheets.Keys.Order());
    }

    [Fact]
    public void CleanReturnReadsTheCoverAndItsTotals()
    {
        var cover = TestFiles.Check(FileName).Return!.Cover!;

        Assert.Equal("North East Lincolnshire", cover.HwbName);
        Assert.Equal("E06000012", cover.HwbCode);
        Assert.Equal("2017-18-Q2", cover.Period!.ToString());
        Assert.Equal(1_790_000_000, cover.TotalAgreed!.Value.Amount.Pence);
        Assert.True(UkDate.TryParse(cover.Entry(CoverField.DateCompleted)!.Value!.Value.Raw, out var completed));
        Assert.Equal(new DateOnly(2017, 9, 11), completed);
    }

    [Fact]
    public void CleanReturnReadsThePartnersFigures()
    {
        var partners = TestFiles.Check(FileName).Return!.Contributions!;

        Assert.Equal(["North East Lincolnshire CCG", "North East Lincolnshire Council"], partners.Rows.Select(r => r.Name));
        Assert.Equal([1_140_000_000, 650_000_000], partners.Rows.Select(r => r.Total.Amount.Pence));
        Assert.Equal([570_000_000, 330_000_000], partners.Rows.Select(r => r.ActualToDate.Amount.Pence));
        Assert.All(partners.Rows, r => Assert.Equal((true, 0L), (r.Additional.HasValue, r.Additional.Amount.Pence)));
    }

    [Fact]
    public void CleanReturnReadsTheSameFiguresAsTheXlsx() =>
        Assert.Equal(ReturnFigures.OfCleanReturn(), ReturnFigures.Of(TestFiles.Check(FileName).Return!));
}

public class XlsxCleanReturnTests : CleanReturnFormatTests
{
    protected override string FileName => "clean-return.xlsx";
}

/// <summary>clean-return.xls is clean-return.xlsx saved as Excel 97-2003 by LibreOffice (tools/BetterCare.Fixtures/README.md).</summary>
public class XlsCleanReturnTests : CleanReturnFormatTests
{
    protected override string FileName => "clean-return.xls";
}
