using BetterCare.Returns.Findings;
using BetterCare.Returns.Model;
using BetterCare.Returns.Reading;

namespace BetterCare.Returns.Validation.Rules;

/// <summary>TEMPLATE-VERSION: the Cover must say which template it is, and it must be one the product knows.</summary>
public sealed class TemplateVersionRule : IValidationRule
{
    public const string Known = "BCF-QR-1";

    public IReadOnlyList<FindingCode> Emits { get; } = [FindingCode.TemplateVersion];

    public IEnumerable<Finding> Check(ValidationContext context)
    {
        var cover = context.Cover;
        if (cover is null)
        {
            yield break;
        }

        var entry = cover.Entry(CoverField.TemplateVersion);
        var text = entry?.Value?.Text;
        if (entry is null || string.IsNullOrWhiteSpace(text))
        {
            yield return Finding.Of(FindingCode.TemplateVersion, cover.SheetName, entry?.Cell,
                $"The Cover does not give a template version; this product reads {Known} workbooks.");
        }
        else if (!string.Equals(text.Trim(), Known, StringComparison.OrdinalIgnoreCase))
        {
            yield return Finding.Of(FindingCode.TemplateVersion, cover.SheetName, entry.Cell,
                $"The template version is '{text}', which this product does not know; it reads {Known} workbooks.");
        }
    }
}
