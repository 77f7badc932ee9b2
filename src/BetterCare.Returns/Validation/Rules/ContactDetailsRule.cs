using BetterCare.Returns.Findings;
using BetterCare.Returns.Model;

namespace BetterCare.Returns.Validation.Rules;

/// <summary>FIELD-INVALID for a signatory's malformed email or date signed, and for an address given to two signatories (each is sent their own request).</summary>
public sealed class ContactDetailsRule : IValidationRule
{
    public IReadOnlyList<FindingCode> Emits { get; } = [FindingCode.FieldInvalid];

    public IEnumerable<Finding> Check(ValidationContext context)
    {
        var seen = new Dictionary<string, SignatoryRow>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in context.Return.SignOff?.Rows ?? [])
        {
            if (!row.Email.IsMissing && EmailAddress.IsValid(row.Email.Text))
            {
                var address = row.Email.Text!.Trim();
                if (seen.TryGetValue(address, out var first))
                {
                    yield return Finding.Of(FindingCode.FieldInvalid, row.Email.Sheet, row.Email.Cell,
                        $"Email '{FieldLimitsRule.Quote(address)}' for {Who(row)} is also given for {Who(first)} (cell {first.Email.Cell}): each signatory needs an address of their own.");
                }
                else
                {
                    seen.Add(address, row);
                }
            }

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
        row.Organisation.IsMissing ? $"the signatory in row {row.Row + 1}" : FieldLimitsRule.Quote(row.Organisation.Text);
}
