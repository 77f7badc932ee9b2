using BetterCare.Returns.Currency;
using BetterCare.Returns.Model;

namespace BetterCare.Returns.Tests.Reading;

public class UnitsAndDatesTests
{
    [Fact]
    public void ColumnHeaderUnitsOverrideTheCoverUnits()
    {
        var checkedReturn = TestFiles.Check("header-units-override.xlsx");
        var parsed = checkedReturn.Return!;

        Assert.Empty(checkedReturn.Report.Findings);
        Assert.Equal(Units.Pounds, parsed.Cover!.Units);
        Assert.Equal(1_140_000_000, parsed.Contributions!.Rows[0].Total.Amount.Pence);
        Assert.Equal(ReturnFigures.OfCleanReturn(), ReturnFigures.Of(parsed));
    }

    [Fact]
    public void UkDateWrittenAsTextIsReadDayFirst()
    {
        var checkedReturn = TestFiles.Check("uk-date-text.xlsx");
        var written = checkedReturn.Return!.Cover!.Entry(CoverField.DateCompleted)!.Value!.Value;

        Assert.Empty(checkedReturn.Report.Findings);
        Assert.Equal("25/09/2017", written.Raw);
        Assert.True(UkDate.TryParse(written.Raw, out var date));
        Assert.Equal(new DateOnly(2017, 9, 25), date);
    }
}
