using BetterCare.Returns.Findings;

namespace BetterCare.Returns.Validation;

/// <summary>
/// One check over a parsed return. A rule declares the codes it emits and emits only those;
/// adding a rule touches its own file, its registration in <see cref="ValidationRules.All"/>, and its test.
/// </summary>
public interface IValidationRule
{
    IReadOnlyList<FindingCode> Emits { get; }

    IEnumerable<Finding> Check(ValidationContext context);
}
