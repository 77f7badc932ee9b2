using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace BetterCare.Cli.Tests;

public class TemplateCommandTests
{
    [Fact]
    public void TemplateIsPrefilledFromReferenceAndReadsBack()
    {
        using var temp = new TempFolder();
        var file = temp.File("essex-q2.xlsx");

        var written = BcfRun.Of("template", "--hwb", "E10000012", "--year", "2016-17", "--quarter", "Q2", "-o", file, "--reference", Repo.Reference);
        Assert.Equal(0, written.ExitCode);
        Assert.Contains("6 partners, 7 signatory rows", written.Out, StringComparison.Ordinal);
        Assert.Contains("Mid Essex CCG (06Q): £22,386,000, pre-filled", written.Out, StringComparison.Ordinal);
        Assert.Contains("pre-filled with their total, £97,656,000", written.Out, StringComparison.Ordinal);

        var run = BcfRun.Of("validate", file, "--format", "json", "--reference", Repo.Reference);
        using var json = JsonDocument.Parse(run.Out);
        var codes = json.RootElement[0].GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("code").GetString()).ToList();

        // A blank template reads back as a return still to be filled in, never as an unreadable file.
        Assert.DoesNotContain("FILE-UNREADABLE", codes);
        Assert.DoesNotContain("SHEET-MISSING", codes);
        Assert.DoesNotContain("TEMPLATE-VERSION", codes);
        Assert.Contains("SIGNATORY-MISSING", codes);
        Assert.Equal(7, codes.Count(c => c == "SIGNATORY-MISSING"));
    }

    [Fact]
    public void TemplateSaysPerPartnerWhenTheYearHasNoReferenceMinimum()
    {
        using var temp = new TempFolder();
        var file = temp.File("essex-2017-18.xlsx");

        // The reference data has Essex's minimums for 2015-16 and 2016-17 only.
        var written = BcfRun.Of("template", "--hwb", "E10000012", "--year", "2017-18", "--quarter", "Q2", "-o", file, "--reference", Repo.Reference);

        Assert.Equal(0, written.ExitCode);
        foreach (var partner in new[] { "Essex County Council (E10000012)", "Mid Essex CCG (06Q)", "West Essex CCG (07H)" })
        {
            Assert.Contains($"{partner}: none in the reference data for 2017-18; its Minimum contribution cell is left blank", written.Out, StringComparison.Ordinal);
        }

        Assert.Contains("minimum required value is left blank", written.Out, StringComparison.Ordinal);
        var parsed = new BetterCare.Returns.Validation.ReturnValidator(BetterCare.Returns.Reference.ReferenceData.Load(Repo.Reference)).Check(file).Return!;
        Assert.All(parsed.Contributions!.Rows, r => Assert.False(r.Minimum.HasValue));
    }

    [Fact]
    public void TemplateCarriesTheHwbPartnersMinimumsAndDropDowns()
    {
        using var temp = new TempFolder();
        var file = temp.File("southend.xlsx");
        Assert.Equal(0, BcfRun.Of("template", "--hwb", "E06000033", "--year", "2018-19", "--quarter", "Q1", "-o", file, "--reference", Repo.Reference).ExitCode);

        var parsed = new BetterCare.Returns.Validation.ReturnValidator(BetterCare.Returns.Reference.ReferenceData.Load(Repo.Reference)).Check(file).Return!;
        Assert.Equal("Southend-on-Sea", parsed.Cover!.HwbName);
        Assert.Equal("2018-19-Q1", parsed.Cover.Period.ToString());
        var partners = parsed.Contributions!.Rows.ToDictionary(r => r.Code!, r => r.Minimum.Amount.Pence / 100);
        Assert.Equal(12_382_000, partners["99G"]);
        Assert.Equal(6_833_000, partners["E06000033"]);
        Assert.Equal(19_215_000, parsed.Cover.MinimumRequired!.Value.Amount.Pence / 100);

        using var document = SpreadsheetDocument.Open(file, false);
        var workbook = document.WorkbookPart!;
        var sheetNames = workbook.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value).ToList();
        Assert.Equal(["Cover", "Contributions", "Schemes", "Sign-off", "National Conditions", "Metrics", "Risks"], sheetNames);
        var lists = workbook.WorksheetParts.SelectMany(p => p.Worksheet.Descendants<DataValidation>()).Select(v => v.Formula1!.Text).ToList();
        Assert.Contains(lists, l => l.Contains("Local authority", StringComparison.Ordinal));
        Assert.Contains(lists, l => l.Contains("Disabled Facilities Grant", StringComparison.Ordinal));
        Assert.Contains(lists, l => l.Contains("Health and Wellbeing Board", StringComparison.Ordinal));
        Assert.Contains(lists, l => l.Contains("Partially", StringComparison.Ordinal));
    }

    [Fact]
    public void UnknownHwbIsAUsageErrorNamingTheKnownOnes()
    {
        using var temp = new TempFolder();
        var run = BcfRun.Of("template", "--hwb", "E06000099", "--year", "2017-18", "--quarter", "Q2", "-o", temp.File("x.xlsx"), "--reference", Repo.Reference);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("E06000033 Southend-on-Sea", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(temp.File("x.xlsx")));
    }

    [Theory]
    [InlineData("--year", "2017")]
    [InlineData("--quarter", "Q5")]
    public void MalformedPeriodIsAUsageError(string option, string value)
    {
        using var temp = new TempFolder();
        var args = new List<string> { "template", "--hwb", "E10000012", "--year", "2017-18", "--quarter", "Q2", "-o", temp.File("x.xlsx"), "--reference", Repo.Reference };
        args[args.IndexOf(option) + 1] = value;

        var run = BcfRun.Of([.. args]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(value, run.Error, StringComparison.Ordinal);
    }
}
