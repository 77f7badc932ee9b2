using BetterCare.Returns.Findings;
using BetterCare.Returns.Model;

namespace BetterCare.Returns.Validation.Rules;

/// <summary>HWB-UNLISTED (info): a well-formed HWB code that the reference data does not list, so no reference checks apply.</summary>
public sealed class HwbReferenceRule : IValidationRule
{
    public IReadOnlyList<FindingCode> Emits { get; } = [FindingCode.HwbUnlisted];

    public IEnumerable<Finding> Check(ValidationContext context)
    {
        var cover = context.Cover;
        var code = cover?.HwbCode;
        if (cover is null || !HwbCode.IsValid(code) || context.Reference.Area(code) is not null)
        {
            yield break;
        }

        yield return Finding.Of(FindingCode.HwbUnlisted, cover.SheetName, cover.Entry(CoverField.HwbCode)?.Cell,
            $"HWB code {code} is not in the reference areas, so partner minimums cannot be checked.");
    }
}
