using BetterCare.Returns.Findings;
using BetterCare.Returns.Model;

namespace BetterCare.Returns.Validation.Rules;

/// <summary>FIELD-INVALID for a signatory's malformed email or date signed.</summary>
public sealed class ContactDetailsRule : IValidationRule
{
    public IReadOnlyList<FindingCode> Emits { get; } = [FindingCode.FieldInvalid];

    public IEnumerable<Finding> Check(ValidationContext context)
    {
        foreach (var row in context.Return.SignOff?.Rows ?? [])
        {
            if (!row.Email.IsMissing && !EmailAddress.IsValid(row.Email.Text))
            {
                yield return Finding.Of(FindingCode.FieldInvalid, row.Email.Sheet, row.Email.Cell,
                    $"Email '{row.Email.Text}' for {Who(row)} is not an email address.");
            }

            if (row.DateSigned is { IsMissing: false } date && !UkDate.TryParse(date.Raw, out _))
            {
                yield return Finding.Of(FindingCode.FieldInvalid, date.Sheet, date.Cell,
                    $"Date signed '{date.Text}' for {Who(row)} is not a date (write it day first, e.g. 25/09/2017).");
            }
        }
    }

    private static string Who(SignatoryRow row) =>
        row.Organisation.IsMissing ? $"the signatory in row {row.Row + 1}" : row.Organisation.Text!;
}
