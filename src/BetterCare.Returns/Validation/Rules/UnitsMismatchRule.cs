using BetterCare.Returns.Currency;
using BetterCare.Returns.Findings;
using BetterCare.Returns.Model;

namespace BetterCare.Returns.Validation.Rules;

/// <summary>
/// UNITS-MISMATCH: figures out of range in the units the workbook states that were read in
/// other units (<see cref="UnitsReconciler"/>), once per Cover figure or table column: the figure
/// as written, both readings, the unit chosen and why.
/// </summary>
public sealed class UnitsMismatchRule : IValidationRule
{
    public IReadOnlyList<FindingCode> Emits { get; } = [FindingCode.UnitsMismatch];

    public IEnumerable<Finding> Check(ValidationContext context) =>
        context.Return.UnitsReadings.Select(r => Finding.Of(FindingCode.UnitsMismatch, r.Sheet, r.AsStated[0].Cell, Message(r)));

    private static string Message(UnitsReading r)
    {
        var stated = UnitsText.Describe(r.Stated.Units);
        var chosen = UnitsText.Describe(r.Chosen);
        var whose = r.Stated.FromHeader ? $"its column's units ({stated})" : $"the workbook's units ({stated})";
        var limit = $"over the {MoneyRangeRule.Limit} limit for any one figure";
        var one = r.AsStated.Count == 1;
        var fix = (r.OnCover, r.Stated.FromHeader) switch
        {
            (true, _) => $"write it in {stated}, the Cover's Units",
            (false, true) => $"write {(one ? "it" : "them")} in {stated}, as the column's header says",
            _ => $"write {(one ? "it" : "them")} in {stated}, or name the units in the column's header, e.g. '{r.Column} ({chosen})'",
        };
        if (one)
        {
            var was = r.AsStated[0];
            var where = r.OnCover ? r.Column : $"{r.Column} at {was.Cell}";
            return $"{where} '{was.Reading.Written}' reads as {AsMuch(was.Amount)} in {whose}, {limit}. " +
                   $"Read as {chosen} it is {r.AsRead[0].Amount}{Why(r)}, so it has been read as {chosen}: {fix}.";
        }

        var cells = $"{r.AsStated[0].Cell} to {r.AsStated[^1].Cell}";
        return $"{r.Column} on {r.Sheet}: {r.AsStated.Count} figures ({cells}) read in {whose} would be {Range(r.AsStated)}, {limit}. " +
               $"Read as {chosen} they are {Range(r.AsRead)}{Why(r)}, so they have been read as {chosen}: {fix}.";
    }

    private static string Why(UnitsReading r) => r.Evidence switch
    {
        { ComparedWith: null } => string.Empty,
        { OnTotalRow: true, Agrees: true } => ", and the column then adds up to its Total row",
        { OnTotalRow: true, AsRead: { } gap, AsStated: { } was } => $", and the column then comes within {gap} of its Total row (against {was} as stated)",
        { Agrees: true, ComparedWith: { } what } => $", which agrees with {what}",
        { ComparedWith: { } what, AsRead: { } gap, AsStated: { } was } => $", within {gap} of {what}, where as stated it is {AsMuch(was)} away",
        _ => string.Empty,
    };

    private static string Range(IReadOnlyList<MoneyCell> cells)
    {
        var least = cells.Min(c => c.Amount);
        var most = cells.Max(c => c.Amount);
        return least == most ? AsMuch(least) : $"{AsMuch(least)} to {AsMuch(most)}";
    }

    /// <summary>An amount as a person reads it; one held at the parser's cap is "more than" it.</summary>
    private static string AsMuch(Money amount) => amount.Abs() >= MoneyParser.Cap ? $"more than {MoneyParser.Cap}" : amount.ToString();
}
