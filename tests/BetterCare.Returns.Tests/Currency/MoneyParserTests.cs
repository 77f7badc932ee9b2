using System.Globalization;
using BetterCare.Returns.Currency;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace BetterCare.Returns.Tests.Currency;

public class MoneyParserTests
{
    private static readonly CultureInfo Uk = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>Whole pounds from nothing to the spec's £100,000,000 limit.</summary>
    private static Arbitrary<int> Pounds => Gen.Choose(0, 100_000_000).ToArbitrary();

    private static Arbitrary<Units> AnyUnits => Gen.Elements(Units.Pounds, Units.Thousands, Units.Millions).ToArbitrary();

    // Properties

    [Property]
    public Property WholePoundsParseToTheSamePenceHoweverWritten() =>
        Prop.ForAll(Pounds, pounds =>
        {
            var pence = pounds * 100L;
            var grouped = pounds.ToString("#,0", Uk);
            object[] forms = [$"£{grouped}", pounds.ToString(CultureInfo.InvariantCulture), $"£ {grouped}", grouped, (double)pounds];
            foreach (var form in forms)
            {
                var reading = MoneyParser.Read(form, Units.Pounds);
                Assert.Equal(MoneyReadingKind.Value, reading.Kind);
                Assert.Equal(pence, reading.Amount.Pence);
            }

            Assert.Equal(-pence, MoneyParser.Read($"({grouped})", Units.Pounds).Amount.Pence);
            Assert.Equal(-pence, MoneyParser.Read($"£({grouped})", Units.Pounds).Amount.Pence);
        });

    [Property]
    public Property WholeUnitsScaleExactlyToThousandsAndMillions() =>
        Prop.ForAll(Gen.Choose(0, 99_999).ToArbitrary(), AnyUnits, (written, units) =>
        {
            var expected = written * (long)units * 100;
            Assert.Equal(expected, MoneyParser.Read(written.ToString("#,0", Uk), units).Amount.Pence);
            Assert.Equal(expected, MoneyParser.Read((double)written, units).Amount.Pence);
        });

    [Property]
    public Property WholeNumbersAreTheAmountTheyAreWithADecimalPointUpToTheCap() =>
        Prop.ForAll(Gen.Choose(0, 999_999_999).Zip(Gen.Choose(0, 999_999_999)).ToArbitrary(), AnyUnits, Gen.Choose(0, 7).ToArbitrary(),
            (parts, units, form) =>
            {
                // Up to eighteen digits: past £1,000,000,000,000 both are held at it.
                var (high, low) = parts;
                var value = (form & 1) == 0 ? low : (high * 1_000_000_000L) + low;
                var grouped = value.ToString("#,0", Uk);
                var (whole, withPoint) = (form >> 1) switch
                {
                    0 => (value.ToString(CultureInfo.InvariantCulture), value.ToString(CultureInfo.InvariantCulture) + ".0"),
                    1 => ($"£{grouped}", $"£{grouped}.0"),
                    2 => ($"({grouped})", $"({grouped}.0)"),
                    _ => ($"£{grouped}m", $"£{grouped}.0m"),
                };

                var reading = MoneyParser.Read(whole, units);
                Assert.Equal(MoneyReadingKind.Value, reading.Kind);
                Assert.Equal(MoneyParser.Read(withPoint, units).Amount, reading.Amount);
                Assert.Equal((form >> 1 == 3 ? 1_000_000L : (long)units) * 100, reading.Figure.Step.Pence);
            });

    [Property]
    public Property TextIsKeptAsWrittenHoweverItsDigitsAreGrouped() =>
        Prop.ForAll(Pounds, AnyUnits, (pounds, units) =>
        {
            var grouped = pounds.ToString("#,0", Uk);
            var digits = pounds.ToString(CultureInfo.InvariantCulture);
            string[] forms = [$"£{grouped}", $"£{digits}", $"£ {grouped}", grouped, $" £{grouped} ", $"£0{grouped}", $"£{grouped}m", $"(£{grouped})"];
            foreach (var form in forms)
            {
                Assert.Equal(form.Trim(), MoneyParser.Read(form, units).Written);
            }
        });

    [Property]
    public Property StepIsTheUnitsTimesTheLastWrittenDecimalPlace() =>
        Prop.ForAll(Gen.Choose(0, 99_999).ToArbitrary(), Gen.Choose(0, 999).Zip(Gen.Choose(0, 3)).ToArbitrary(), AnyUnits,
            (whole, decimals, units) =>
            {
                var (fraction, places) = decimals;
                var text = places == 0
                    ? whole.ToString(CultureInfo.InvariantCulture)
                    : $"{whole}.{(fraction % Pow10(places)).ToString(CultureInfo.InvariantCulture).PadLeft(places, '0')}";
                var reading = MoneyParser.Read(text, units);

                var expectedPence = decimal.Parse(text, CultureInfo.InvariantCulture) * (long)units * 100;
                var expectedStep = Math.Max(1L, (long)units * 100 / Pow10(places));
                Assert.Equal(MoneyReadingKind.Value, reading.Kind);
                Assert.Equal(decimal.Round(expectedPence, 0, MidpointRounding.AwayFromZero), reading.Amount.Pence);
                Assert.Equal(expectedStep, reading.Figure.Step.Pence);
            });

    [Property]
    public Property SuffixMMeansMillionsWhateverTheUnits() =>
        Prop.ForAll(Gen.Choose(0, 99_999).ToArbitrary(), AnyUnits, (thousandths, units) =>
        {
            var text = $"£{thousandths / 1000}.{thousandths % 1000:000}M";
            var reading = MoneyParser.Read(text, units);

            Assert.Equal(thousandths * 1_000L * 100, reading.Amount.Pence);
            Assert.Equal(1_000L * 100, reading.Figure.Step.Pence);
        });

    [Property]
    public Property MisplacedThousandsCommaIsInvalid() =>
        Prop.ForAll(Gen.Choose(10, 999_999_999).ToArbitrary(), Gen.Choose(1, 9).ToArbitrary(), Gen.Elements(true, false).ToArbitrary(), (number, fromRight, pound) =>
        {
            var digits = number.ToString(CultureInfo.InvariantCulture);
            var at = Math.Min(fromRight, digits.Length - 1);
            if (at == 3)
            {
                at = digits.Length > 4 ? 4 : 2;
            }

            var text = (pound ? "£" : string.Empty) + digits[..^at] + "," + digits[^at..];
            var reading = MoneyParser.Read(text, Units.Pounds);

            Assert.Equal(MoneyReadingKind.Invalid, reading.Kind);
            Assert.Equal(text, reading.Written);
        });

    [Property(MaxTest = 500)]
    public Property JunkIsNeverAnException() =>
        Prop.ForAll(Junk, AnyUnits, (text, units) =>
        {
            var reading = MoneyParser.Read(text, units);
            Assert.True(Enum.IsDefined(reading.Kind));
        });

    [Property]
    public bool AnyFiniteNumberCellIsAMoneyValue(NormalFloat value) =>
        MoneyParser.Read(value.Get, Units.Millions).Kind == MoneyReadingKind.Value;

    [Theory]
    [InlineData(2e15, Units.Pounds)]
    [InlineData(-3.5e20, Units.Pounds)]
    [InlineData(double.MaxValue, Units.Pounds)]
    [InlineData(93_000_000_000d, Units.Millions)]
    [InlineData(-999_999_999_999d, Units.Millions)]
    [InlineData(999_999_999_999d, Units.Thousands)]
    public void HugeNumberCellIsAValueForTheRangeRuleNotInvalid(double cell, Units units)
    {
        // A number is a money value; one past £100,000,000 is MONEY-RANGE's to report.
        var reading = MoneyParser.Read(cell, units);

        Assert.Equal(MoneyReadingKind.Value, reading.Kind);
        Assert.True(reading.Amount.Abs() > Money.FromPounds(100_000_000L));
        Assert.Equal(Math.Sign(cell), Math.Sign(reading.Amount.Pence));
    }

    // Examples: every form the spec lists

    [Theory]
    [InlineData("£1,234", Units.Pounds, 1_234_00L, 1_00L)]
    [InlineData("£ 5,866,724", Units.Pounds, 5_866_724_00L, 1_00L)]
    [InlineData("5866724", Units.Pounds, 5_866_724_00L, 1_00L)]
    [InlineData("1234.5", Units.Pounds, 1_234_50L, 10L)]
    [InlineData("£9917", Units.Thousands, 9_917_000_00L, 1_000_00L)]
    [InlineData("21,307", Units.Thousands, 21_307_000_00L, 1_000_00L)]
    [InlineData("£6,174.2", Units.Thousands, 6_174_200_00L, 100_00L)]
    [InlineData("£12.151M", Units.Pounds, 12_151_000_00L, 1_000_00L)]
    [InlineData("£12.151M", Units.Thousands, 12_151_000_00L, 1_000_00L)]
    [InlineData("£12.151m", Units.Millions, 12_151_000_00L, 1_000_00L)]
    [InlineData("(1,234)", Units.Pounds, -1_234_00L, 1_00L)]
    [InlineData("(0.05)", Units.Millions, -50_000_00L, 10_000_00L)]
    [InlineData("-1,234", Units.Pounds, -1_234_00L, 1_00L)]
    public void SpecFormIsReadWithItsRoundingStep(string written, Units units, long pence, long stepPence)
    {
        var reading = MoneyParser.Read(written, units);

        Assert.Equal(MoneyReadingKind.Value, reading.Kind);
        Assert.Equal(pence, reading.Amount.Pence);
        Assert.Equal(stepPence, reading.Figure.Step.Pence);
        Assert.Equal(written, reading.Written);
    }

    [Theory]
    [InlineData("1,000,000,000,000", "", Units.Pounds, 1_000_000_000_000L)]
    [InlineData("1,000,000,000,001", "", Units.Pounds, 1_000_000_000_000L)]
    [InlineData("(999,999,999,999,999,999)", "", Units.Pounds, -1_000_000_000_000L)]
    [InlineData("1000000000", "", Units.Thousands, 1_000_000_000_000L)]
    [InlineData("1000000001", "", Units.Thousands, 1_000_000_000_000L)]
    [InlineData("£1,000,001", "m", Units.Thousands, 1_000_000_000_000L)]
    public void WholeNumbersAtAndPastTheCapAreHeldAtItAsWithADecimalPoint(string digits, string suffix, Units units, long pounds)
    {
        var whole = MoneyParser.Read(digits + suffix, units);
        var withPoint = MoneyParser.Read(digits.EndsWith(')') ? digits[..^1] + ".0)" + suffix : digits + ".0" + suffix, units);

        Assert.Equal(Money.FromPounds(pounds), whole.Amount);
        Assert.Equal(withPoint.Amount, whole.Amount);
    }

    [Theory]
    [InlineData(1234.0, Units.Pounds, "1234")]
    [InlineData(-5.0, Units.Thousands, "-5")]
    [InlineData(0.0, Units.Millions, "0")]
    [InlineData(1234.5, Units.Pounds, "1234.5")]
    public void NumberCellIsWrittenAsItsShortestForm(double cell, Units units, string written)
    {
        Assert.Equal(written, MoneyParser.Read(cell, units).Written);
    }

    [Theory]
    [InlineData(11.4, 11_400_000_00L, 100_000_00L)]
    [InlineData(0.1, 100_000_00L, 100_000_00L)]
    [InlineData(2.0, 2_000_000_00L, 1_000_000_00L)]
    [InlineData(16.647, 16_647_000_00L, 1_000_00L)]
    public void NumberCellCountsTheDecimalsOfItsShortestForm(double cell, long pence, long stepPence)
    {
        var reading = MoneyParser.Read(cell, Units.Millions);

        Assert.Equal(pence, reading.Amount.Pence);
        Assert.Equal(stepPence, reading.Figure.Step.Pence);
    }

    [Theory]
    [InlineData("nil")]
    [InlineData("NIL")]
    [InlineData("-")]
    [InlineData("–")]
    [InlineData("—")]
    [InlineData("0")]
    [InlineData("£0")]
    public void ZeroFormsAreZero(string written)
    {
        foreach (var units in new[] { Units.Pounds, Units.Thousands, Units.Millions })
        {
            var reading = MoneyParser.Read(written, units);
            Assert.Equal(MoneyReadingKind.Value, reading.Kind);
            Assert.Equal(Money.Zero, reading.Amount);
        }
    }

    [Theory]
    [InlineData("TBC")]
    [InlineData("tbc")]
    [InlineData("£TBCM")]
    [InlineData("n/a")]
    [InlineData("N/A")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void StillToComeFormsAreMissingNotZero(string? written)
    {
        var reading = MoneyParser.Read(written, Units.Thousands);

        Assert.Equal(MoneyReadingKind.Missing, reading.Kind);
        Assert.False(reading.HasValue);
    }

    [Fact]
    public void BlankCellIsMissing()
    {
        Assert.Equal(MoneyReadingKind.Missing, MoneyParser.Read((object?)null, Units.Pounds).Kind);
    }

    [Theory]
    [InlineData("£214,00")]
    [InlineData("12.3.4")]
    [InlineData("about 5m")]
    [InlineData("1,2345")]
    [InlineData("£1.")]
    [InlineData("(1,234")]
    [InlineData("m")]
    public void AnythingElseIsInvalidAndKeepsTheTextAsWritten(string written)
    {
        var reading = MoneyParser.Read(written, Units.Pounds);

        Assert.Equal(MoneyReadingKind.Invalid, reading.Kind);
        Assert.Equal(written, reading.Written);
    }

    // The spec's tolerance: half the step of each figure involved, added up

    [Fact]
    public void SixThousandsFiguresAgainstAThousandsTotalAllow3500()
    {
        var rows = MoneyFigure.Sum(Enumerable.Repeat(Read("1,000", Units.Thousands), 6));
        var total = Read("6,000", Units.Thousands);

        Assert.Equal(Money.FromPounds(3_500L), MoneyFigure.Tolerance(rows, total));
        Assert.False(MoneyFigure.Disagree(rows, Shift(total, 3_500_00)));
        Assert.False(MoneyFigure.Disagree(rows, Shift(total, -3_500_00)));
        Assert.True(MoneyFigure.Disagree(rows, Shift(total, 3_500_01)));
        Assert.True(MoneyFigure.Disagree(rows, Shift(total, -3_500_01)));
    }

    [Theory]
    [InlineData("21,307", Units.Thousands, "21307500", "21307501")]
    [InlineData("6,174.2", Units.Thousands, "6174250", "6174251")]
    [InlineData("£12.151M", Units.Pounds, "12151500", "12151501")]
    [InlineData("5866724", Units.Pounds, "5866725", "5866726")]
    public void FigureAgreesWithAnExactAmountWithinHalfItsStep(string written, Units units, string within, string beyond)
    {
        var figure = Read(written, units);

        // The exact figure carries £1 of rounding too, so the allowance is half its step plus 50p.
        Assert.False(MoneyFigure.Disagree(figure, Read(within, Units.Pounds)));
        Assert.True(MoneyFigure.Disagree(figure, Read(beyond, Units.Pounds)));
    }

    [Property]
    public Property DisagreeIsSymmetric() =>
        Prop.ForAll(Pounds, Pounds, AnyUnits, (a, b, units) =>
        {
            var x = Read(a.ToString(CultureInfo.InvariantCulture), Units.Pounds);
            var y = Read((b / 1000).ToString(CultureInfo.InvariantCulture), units);
            return MoneyFigure.Disagree(x, y) == MoneyFigure.Disagree(y, x);
        });

    private static Arbitrary<string> Junk =>
        Gen.Elements("0", "1", "9", ",", ".", "£", "(", ")", "-", "–", "m", "M", " ", "nil", "tbc", "k", "e", "E", "+", "%", "\u00a0")
            .ListOf()
            .Select(parts => string.Concat(parts))
            .ToArbitrary();

    private static MoneyFigure Read(string text, Units units)
    {
        var reading = MoneyParser.Read(text, units);
        Assert.Equal(MoneyReadingKind.Value, reading.Kind);
        return reading.Figure;
    }

    private static MoneyFigure Shift(MoneyFigure figure, long pence) => figure with { Amount = figure.Amount + new Money(pence) };

    private static long Pow10(int places) => places switch
    {
        0 => 1,
        1 => 10,
        2 => 100,
        _ => 1000,
    };
}
