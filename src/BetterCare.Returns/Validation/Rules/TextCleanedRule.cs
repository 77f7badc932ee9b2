using System.Globalization;
using BetterCare.Returns.Findings;

namespace BetterCare.Returns.Validation.Rules;

/// <summary>TEXT-CLEANED (info) for each cell whose text was made safe as it was read (<see cref="Reading.CellText"/>), and one for the rest when there are many.</summary>
public sealed class TextCleanedRule : IValidationRule
{
    public IReadOnlyList<FindingCode> Emits { get; } = [FindingCode.TextCleaned];

    public IEnumerable<Finding> Check(ValidationContext context)
    {
        var r = context.Return;
        foreach (var cell in r.Cleaned)
        {
            yield return Finding.Of(FindingCode.TextCleaned, cell.Sheet, cell.Address.ToString(),
                $"The text in this cell was changed as it was read: {cell.Change}. Check the cell says what you meant.");
        }

        if (r.CleanedCount > r.Cleaned.Count)
        {
            var more = r.CleanedCount - r.Cleaned.Count;
            yield return Finding.Of(FindingCode.TextCleaned, r.Cleaned[^1].Sheet, null,
                $"{more.ToString("N0", CultureInfo.InvariantCulture)} more cell{(more == 1 ? " was" : "s were")} changed the same way; only the first {r.Cleaned.Count} are listed.");
        }
    }
}
