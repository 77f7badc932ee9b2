using System.Text.Json;
using BetterCare.Fixtures;
using BetterCare.Fixtures.Seeds;
using BetterCare.Workbooks;

namespace BetterCare.Cli.Tests;

public class ValidateCommandTests
{
    private const string Clean = "north-east-lincolnshire-2017-18-q2.xlsx";
    private const string Essex = "essex-2016-17-q2.xlsx";

    [Fact]
    public void CleanSampleIsValidAndExitsZero()
    {
        var run = BcfRun.Of("validate", Repo.Sample(Clean), "--reference", Repo.Reference);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("valid — 0 errors, 0 warnings", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void EssexSampleExitsOneAndNamesItsCoverDiscrepancies()
    {
        var run = BcfRun.Of("validate", Repo.Sample(Essex), "--reference", Repo.Reference);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("NOT VALID", run.Out, StringComparison.Ordinal);
        Assert.Contains("COVER-MINIMUM", run.Out, StringComparison.Ordinal);
        Assert.Contains("£97,665,713", run.Out, StringComparison.Ordinal);
        Assert.Contains("£97,656,000", run.Out, StringComparison.Ordinal);
        Assert.Contains("Additional contribution column sums to £1,253,000 but the Total row states £1,266,000 (difference £13,000).", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void MixedUnitsSampleSaysInJsonWhichFiguresWereReadAsPounds()
    {
        var run = BcfRun.Of("validate", Repo.Sample("essex-2016-17-q2-mixed-units.xlsx"), "--format", "json", "--reference", Repo.Reference);

        Assert.Equal(1, run.ExitCode);
        using var json = JsonDocument.Parse(run.Out);
        var findings = json.RootElement[0].GetProperty("findings").EnumerateArray().ToList();
        var units = findings.Where(f => f.GetProperty("code").GetString() == "UNITS-MISMATCH").ToList();
        Assert.Equal(["Cover!B10", "Cover!B9", "DFG!B4"], units.Select(f => $"{f.GetProperty("sheet").GetString()}!{f.GetProperty("cell").GetString()}").Order(StringComparer.Ordinal));
        Assert.All(units, f => Assert.Equal("warning", f.GetProperty("severity").GetString()));
        Assert.DoesNotContain(findings, f => f.GetProperty("code").GetString() == "MONEY-RANGE");
        var minimum = Assert.Single(findings, f => f.GetProperty("code").GetString() == "COVER-MINIMUM");
        Assert.Contains("(difference £9,713)", minimum.GetProperty("message").GetString(), StringComparison.Ordinal);
        var total = Assert.Single(findings, f => f.GetProperty("code").GetString() == "COVER-TOTAL");
        Assert.Contains("(difference £4,201)", total.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void JsonFormatGivesOneObjectPerFileWithCountsAndFindings()
    {
        var run = BcfRun.Of("validate", Repo.Sample(Clean), Repo.Sample(Essex), "--format", "json", "--reference", Repo.Reference);

        Assert.Equal(1, run.ExitCode);
        using var json = JsonDocument.Parse(run.Out);
        var files = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(2, files.Count);
        Assert.True(files[0].GetProperty("valid").GetBoolean());
        Assert.Equal(0, files[0].GetProperty("errors").GetInt32());
        Assert.Empty(files[0].GetProperty("findings").EnumerateArray());

        var essex = files[1];
        Assert.EndsWith(Essex, essex.GetProperty("file").GetString(), StringComparison.Ordinal);
        Assert.False(essex.GetProperty("valid").GetBoolean());
        var findings = essex.GetProperty("findings").EnumerateArray().ToList();
        Assert.Equal(essex.GetProperty("errors").GetInt32(), findings.Count(f => f.GetProperty("severity").GetString() == "error"));
        Assert.Equal(essex.GetProperty("warnings").GetInt32(), findings.Count(f => f.GetProperty("severity").GetString() == "warning"));
        var minimum = Assert.Single(findings, f => f.GetProperty("code").GetString() == "COVER-MINIMUM");
        Assert.Equal("Cover", minimum.GetProperty("sheet").GetString());
        Assert.Equal("B9", minimum.GetProperty("cell").GetString());
        Assert.Contains("£9,713", minimum.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void MissingFileIsReportedAsUnreadableNotACrash()
    {
        using var temp = new TempFolder();
        var run = BcfRun.Of("validate", temp.File("nowhere.xlsx"), "--format", "json", "--reference", Repo.Reference);

        Assert.Equal(1, run.ExitCode);
        using var json = JsonDocument.Parse(run.Out);
        var finding = Assert.Single(json.RootElement[0].GetProperty("findings").EnumerateArray());
        Assert.Equal("FILE-UNREADABLE", finding.GetProperty("code").GetString());
        Assert.Contains("does not exist", finding.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("validate")]
    [InlineData("validate", "x.xlsx", "--format", "xml")]
    [InlineData("frobnicate")]
    [InlineData("template", "--hwb", "E10000012")]
    public void UsageErrorsExitTwoWithAMessage(params string[] args)
    {
        var run = BcfRun.Of(args);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("bcf:", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingReferenceFolderIsAUsageError()
    {
        using var temp = new TempFolder();
        var run = BcfRun.Of("validate", Repo.Sample(Clean), "--reference", temp.Path);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("areas.csv", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void PreviousQuarterInTheSameBatchIsComparedForYearToDate()
    {
        using var temp = new TempFolder();
        var q2 = temp.File("nel-q2.xlsx");
        var q3 = temp.File("nel-q3.xlsx");
        WorkbookWriter.Write(ReturnWorkbook.Build(NorthEastLincolnshire.Q2_2017_18()), q2);
        var later = NorthEastLincolnshire.Q2_2017_18();
        later.Quarter = "Q3";
        later.Partners[0] = later.Partners[0] with { ActualToDate = 5.0 };
        later.PartnerTotals = [17.9, "nil", 17.9, 8.3, 17.9];
        WorkbookWriter.Write(ReturnWorkbook.Build(later), q3);

        var alone = BcfRun.Of("validate", q3, "--reference", Repo.Reference);
        var batch = BcfRun.Of("validate", q2, q3, "--reference", Repo.Reference);
        var given = BcfRun.Of("validate", q3, "--previous", q2, "--reference", Repo.Reference);

        Assert.DoesNotContain("YTD-DECREASE", alone.Out, StringComparison.Ordinal);
        Assert.Contains("YTD-DECREASE", batch.Out, StringComparison.Ordinal);
        Assert.Contains("lower than the £5,700,000 accepted for 2017-18-Q2", batch.Out, StringComparison.Ordinal);
        Assert.Contains("YTD-DECREASE", given.Out, StringComparison.Ordinal);
        Assert.Equal(0, batch.ExitCode);
    }

    [Fact]
    public void SamplesFixturesListMatchesTheCommittedSamples()
    {
        foreach (var sample in Samples.All)
        {
            Assert.True(File.Exists(Repo.Sample(sample.FileName)), $"samples/{sample.FileName} is missing; run tools/BetterCare.Fixtures.");
        }
    }
}
