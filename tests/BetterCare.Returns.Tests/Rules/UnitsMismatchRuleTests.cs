using BetterCare.Returns.Findings;
using BetterCare.Returns.Tests.Reading;

namespace BetterCare.Returns.Tests.Rules;

public class UnitsMismatchRuleTests
{
    [Fact]
    public void CoverFiguresWrittenInPoundsInAThousandsReturnAreReadAsPoundsAndSaidOnce()
    {
        var report = TestFiles.Validate("units-cover-in-pounds.xlsx");

        var minimum = Reported.At(report, FindingCode.UnitsMismatch, Severity.Warning, "Cover", "B9");
        Reported.States(minimum, "'£17,900,000'", "£17,900,000,000", "£000s", "Read as £ it is £17,900,000", "agrees with the partners' minimum contributions");
        var total = Reported.At(report, FindingCode.UnitsMismatch, Severity.Warning, "Cover", "B10");
        Reported.States(total, "'£17,900,000'", "agrees with the partners' total contributions");
        Assert.Equal(2, report.WithCode(FindingCode.UnitsMismatch).Count());

        // Read as pounds, the Cover agrees with its tables: no range, total or minimum finding.
        Reported.NothingElse(report, FindingCode.UnitsMismatch);
        Assert.True(report.IsValid);
    }

    [Fact]
    public void AColumnWrittenInPoundsUnderThousandsIsReadAsPoundsWithOneFinding()
    {
        var checkedReturn = TestFiles.Check("units-column-in-pounds.xlsx");

        var finding = Reported.Once(checkedReturn.Report, FindingCode.UnitsMismatch, Severity.Warning, "Contributions", "G4");
        Reported.States(finding, "Actual to date", "3 figures (G4 to G6)", "£3,300,000,000 to £9,000,000,000", "£3,300,000 to £9,000,000", "adds up to its Total row", "'Actual to date (£)'");
        Reported.NothingElse(checkedReturn.Report, FindingCode.UnitsMismatch);

        // What is stored and added up is the reading chosen.
        var ccg = checkedReturn.Return!.Contributions!.Rows[0];
        Assert.Equal(5_700_000L, ccg.ActualToDate.Amount.Pence / 100);
        Assert.Equal(11_400_000L, ccg.Total.Amount.Pence / 100);
    }

    [Fact]
    public void OneFigureWrittenInPoundsInAMillionsReturnIsReadAsPounds()
    {
        var checkedReturn = TestFiles.Check("units-one-figure-in-pounds.xlsx");

        var finding = Reported.Once(checkedReturn.Report, FindingCode.UnitsMismatch, Severity.Warning, "Schemes", "G4");
        Reported.States(finding, "Planned spend at G4 '3200000'", "more than £1,000,000,000,000", "£m", "Read as £ it is £3,200,000", "adds up to its Total row");
        Reported.NothingElse(checkedReturn.Report, FindingCode.UnitsMismatch);
        Assert.Equal(3_200_000L, checkedReturn.Return!.Schemes!.Rows[0].Planned.Amount.Pence / 100);
    }

    [Fact]
    public void AFigurePlausibleAsStatedStaysAsStatedHoweverWellAnotherReadingFits()
    {
        // The Cover's 17.9 in £m is £17,900,000; read as £ it would match the (£) tables' £17.90 exactly.
        var report = TestFiles.Validate("units-plausible-as-stated.xlsx");

        Assert.Empty(report.WithCode(FindingCode.UnitsMismatch));
        var minimum = Reported.Once(report, FindingCode.CoverMinimum, Severity.Error, "Cover", "B9");
        Reported.States(minimum, "£17,900,000", "£17.90");
        Assert.DoesNotContain("read as", minimum.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AFigureImplausibleInEveryUnitIsStillOutOfRange()
    {
        var report = TestFiles.Validate("units-implausible-in-every-unit.xlsx");

        Assert.Empty(report.WithCode(FindingCode.UnitsMismatch));
        Reported.Once(report, FindingCode.MoneyRange, Severity.Error, "Schemes", "G4");
    }

    [Fact]
    public void AFigureOverTheLimitThatItsTotalRowConfirmsIsNotReinterpreted()
    {
        // 105.7 (£m) with a Total row of 109.0 that adds up only in £m: read as £000s, the column would stop adding up.
        var report = TestFiles.Validate("money-over-100m.xlsx");

        Assert.Empty(report.WithCode(FindingCode.UnitsMismatch));
        Assert.Equal(2, report.WithCode(FindingCode.MoneyRange).Count());
    }

    [Fact]
    public void EssexWithMixedUnitsStatesTheRealDifferences()
    {
        var checkedReturn = TestFiles.Check("essex-mixed-units.xlsx");
        var report = checkedReturn.Report;

        var coverMinimum = Reported.At(report, FindingCode.UnitsMismatch, Severity.Warning, "Cover", "B9");
        Reported.States(coverMinimum, "'£97,665,713'", "£97,665,713,000", "Read as £ it is £97,665,713", "within £9,713 of the partners' minimum contributions on Contributions (£97,656,000)");
        Reported.At(report, FindingCode.UnitsMismatch, Severity.Warning, "Cover", "B10");
        var districts = Reported.At(report, FindingCode.UnitsMismatch, Severity.Warning, "DFG", "B4");
        Reported.States(districts, "12 figures (B4 to B15)", "£165,868 to £1,636,940");

        Assert.Empty(report.WithCode(FindingCode.MoneyRange));
        Reported.States(Reported.Once(report, FindingCode.CoverMinimum, Severity.Error, "Cover", "B9"), "£97,665,713 (read as £)", "difference £9,713");
        Reported.States(Reported.Once(report, FindingCode.CoverTotal, Severity.Error, "Cover", "B10"), "£98,905,799 (read as £)", "difference £4,201");
        Assert.Empty(report.WithCode(FindingCode.DfgPassThrough));

        // Everything else is what the same plan gives with its units stated as it wrote them.
        var asWritten = TestFiles.Validate("essex-plan-discrepancies.xlsx");
        Assert.Equal(
            asWritten.Findings.Select(f => (f.Code, f.Sheet, f.Cell)).Where(f => f.Code != FindingCode.CoverMinimum && f.Code != FindingCode.CoverTotal),
            report.Findings.Select(f => (f.Code, f.Sheet, f.Cell)).Where(f => f.Code != FindingCode.UnitsMismatch && f.Code != FindingCode.CoverMinimum && f.Code != FindingCode.CoverTotal));
        Assert.Equal(ReturnFigures.Of(TestFiles.Check("essex-plan-discrepancies.xlsx").Return!), ReturnFigures.Of(checkedReturn.Return!));
    }

    [Fact]
    public void ValidatingAReturnAlreadyReadAsMeantKeepsItsFindings()
    {
        var checkedReturn = TestFiles.Check("essex-mixed-units.xlsx");

        var again = new BetterCare.Returns.Validation.ReturnValidator(TestFiles.Reference).Validate(checkedReturn.Return!);

        Assert.Equal(checkedReturn.Report.Findings, again.Findings);
    }
}
