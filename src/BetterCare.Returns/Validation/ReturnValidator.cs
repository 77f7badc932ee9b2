using BetterCare.Returns.Findings;
using BetterCare.Returns.Model;
using BetterCare.Returns.Parsing;
using BetterCare.Returns.Reading;
using BetterCare.Returns.Reference;

namespace BetterCare.Returns.Validation;

/// <summary>
/// The outcome of checking one file: the report, and the typed return when the file could be
/// read, its figures read as the board meant them (see <see cref="UnitsReconciler"/>).
/// </summary>
public sealed record CheckedReturn(ValidationReport Report, QuarterlyReturn? Return);

/// <summary>Reads, parses and validates returns. Thread-safe; make one and share it.</summary>
public sealed class ReturnValidator
{
    private readonly ReferenceData _reference;
    private readonly IReadOnlyList<IValidationRule> _rules;
    private readonly WorkbookReader _reader;

    public ReturnValidator(ReferenceData reference, IReadOnlyList<IValidationRule>? rules = null, ReaderLimits? limits = null)
    {
        _reference = reference;
        _rules = rules ?? ValidationRules.All;
        _reader = new WorkbookReader(limits);
    }

    /// <summary>The most findings of one code a report lists; the rest are counted in one more.</summary>
    public const int MaxFindingsPerCode = 100;

    public CheckedReturn Check(string path, QuarterlyReturn? previous = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var fileName = Path.GetFileName(path);
        var builder = new ReturnBuilder(fileName);
        return Check(_reader.Read(path, builder), builder, fileName, previous);
    }

    public CheckedReturn Check(Stream stream, string fileName, QuarterlyReturn? previous = null)
    {
        // Each table is parsed as its rows are read, so the sheets' rows are not all kept too.
        var builder = new ReturnBuilder(fileName);
        return Check(_reader.Read(stream, builder), builder, fileName, previous);
    }

    public CheckedReturn Check(WorkbookReadResult read, string fileName, QuarterlyReturn? previous = null)
    {
        ArgumentNullException.ThrowIfNull(read);
        if (read.Workbook is null)
        {
            return Unreadable(fileName, read.Problem);
        }

        return Checked(ReturnParser.Parse(read.Workbook), previous);
    }

    /// <summary>The report on <paramref name="parsed"/>, its figures read as meant (<see cref="UnitsReconciler"/>).</summary>
    public ValidationReport Validate(QuarterlyReturn parsed, QuarterlyReturn? previous = null)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        return ValidateMeant(UnitsReconciler.Reconcile(parsed), previous);
    }

    private CheckedReturn Checked(QuarterlyReturn parsed, QuarterlyReturn? previous)
    {
        var meant = UnitsReconciler.Reconcile(parsed);
        return new CheckedReturn(ValidateMeant(meant, previous), meant);
    }

    private ValidationReport ValidateMeant(QuarterlyReturn parsed, QuarterlyReturn? previous)
    {
        var context = new ValidationContext(parsed, _reference, previous);
        var findings = new List<Finding>();
        var perCode = new Dictionary<FindingCode, (int Count, Finding Last)>();
        foreach (var rule in _rules)
        {
            foreach (var finding in rule.Check(context))
            {
                if (!rule.Emits.Contains(finding.Code))
                {
                    throw new InvalidOperationException($"{rule.GetType().Name} emitted {finding.Code}, which it does not declare.");
                }

                // A workbook wrong in every cell would make a report nobody reads and a store nothing
                // fits: each code lists its first findings, then says how many more there are.
                var seen = perCode.GetValueOrDefault(finding.Code).Count + 1;
                perCode[finding.Code] = (seen, finding);
                if (seen <= MaxFindingsPerCode)
                {
                    findings.Add(finding);
                }
            }
        }

        foreach (var (code, (count, last)) in perCode.Where(kv => kv.Value.Count > MaxFindingsPerCode))
        {
            var more = count - MaxFindingsPerCode;
            findings.Add(new Finding(code, last.Severity, last.Sheet, null,
                $"{more.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} more {code} finding{(more == 1 ? " is" : "s are")} not listed: put right those above and check the workbook again to see the rest."));
        }

        return new ValidationReport(parsed.FileName, findings);
    }

    private CheckedReturn Check(string? problem, ReturnBuilder builder, string fileName, QuarterlyReturn? previous)
    {
        if (problem is not null)
        {
            return Unreadable(fileName, problem);
        }

        return Checked(builder.Build(), previous);
    }

    private static CheckedReturn Unreadable(string fileName, string? problem)
    {
        var finding = Finding.Of(FindingCode.FileUnreadable, fileName, null, $"'{fileName}' cannot be read: {problem}.");
        return new CheckedReturn(new ValidationReport(fileName, [finding]), null);
    }
}
