using BetterCare.Returns.Currency;
using BetterCare.Returns.Findings;
using BetterCare.Returns.Model;

namespace BetterCare.Returns.Validation.Rules;

/// <summary>FIELD-INVALID on the Cover: HWB code, financial year, quarter, units, email and date as the spec writes them.</summary>
public sealed class CoverFieldsRule : IValidationRule
{
    public IReadOnlyList<FindingCode> Emits { get; } = [FindingCode.FieldInvalid];

    public IEnumerable<Finding> Check(ValidationContext context)
    {
        var cover = context.Cover;
        if (cover is null)
        {
            yield break;
        }

        if (Present(cover, CoverField.HwbCode) is { } code && !HwbCode.IsValid(code.Text))
        {
            yield return Invalid(code, $"HWB code '{code.Text}' is not an ONS code (E06, E08, E09 or E10 followed by six digits, e.g. E10000012).");
        }

        if (Present(cover, CoverField.FinancialYear) is { } year && !FinancialYear.TryParse(year.Text, out _))
        {
            yield return Invalid(year, $"Financial year '{year.Text}' is not a year such as 2016-17 or 2016/17.");
        }

        if (Present(cover, CoverField.Quarter) is { } quarter && !Quarter.TryParse(quarter.Text, out _))
        {
            yield return Invalid(quarter, $"Quarter '{quarter.Text}' is not Q1 to Q4 (or Quarter 1 to Quarter 4).");
        }

        if (Present(cover, CoverField.Units) is { } units && !UnitsText.TryParse(units.Text, out _))
        {
            yield return Invalid(units, $"Units '{units.Text}' is not £, £000s or £m; money has been read as pounds.");
        }

        if (Present(cover, CoverField.Email) is { } email && !EmailAddress.IsValid(email.Text))
        {
            yield return Invalid(email, $"Email '{email.Text}' is not an email address.");
        }

        if (Present(cover, CoverField.DateCompleted) is { } date && !UkDate.TryParse(date.Raw, out _))
        {
            yield return Invalid(date, $"Date completed '{date.Text}' is not a date (write it day first, e.g. 25/09/2017).");
        }
    }

    private static CellValue? Present(Cover cover, CoverField field) =>
        cover.Entry(field)?.Value is { IsMissing: false } value ? value : null;

    private static Finding Invalid(CellValue cell, string message) => Finding.Of(FindingCode.FieldInvalid, cell.Sheet, cell.Cell, message);
}
