namespace BetterCare.Returns.Validation;

/// <summary>
/// What a return may hold, so that any return that passes can be stored, mailed and exported:
/// each text field's most characters, each table's most rows, and what a partner code may be.
/// The spec (<c>spec/quarterly-return-template.md</c>, "Limits") states the same numbers.
/// </summary>
public static class FieldLimits
{
    /// <summary>Names of bodies and boards: an HWB, a partner, a signatory's organisation.</summary>
    public const int Name = 200;

    /// <summary>A person's name, and who completed the return.</summary>
    public const int PersonName = 100;

    /// <summary>A signatory's position.</summary>
    public const int Position = 150;

    /// <summary>An email address (RFC 5321's limit).</summary>
    public const int Email = 254;

    /// <summary>A partner code: an ODS or ONS code, letters and digits only.</summary>
    public const int PartnerCode = 16;

    /// <summary>A scheme ID or a risk number.</summary>
    public const int Identifier = 50;

    /// <summary>Short texts that are chosen or named: types, units, metrics, schemes, commissioners, providers, owners.</summary>
    public const int Short = 500;

    /// <summary>Commentary, mitigation, a condition's words.</summary>
    public const int Long = 2_000;

    public const int Partners = 50;
    public const int Signatories = 40;
    public const int Schemes = 2_000;
    public const int Districts = 100;
    public const int Conditions = 50;
    public const int Metrics = 50;
    public const int Risks = 200;

    /// <summary>Whether a partner code is one: 1 to 16 letters and digits.</summary>
    public static bool IsPartnerCode(string? code) =>
        code is { Length: > 0 and <= PartnerCode } && code.All(char.IsAsciiLetterOrDigit);
}
