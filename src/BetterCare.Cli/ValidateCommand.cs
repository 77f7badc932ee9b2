using System.CommandLine;
using BetterCare.Returns.Findings;
using BetterCare.Returns.Model;
using BetterCare.Returns.Validation;

namespace BetterCare.Cli;

/// <summary>
/// <c>bcf validate FILE...</c>: a report per file. When the same HWB's previous quarter is
/// among the files (or given with --previous), actuals to date are compared with it.
/// </summary>
internal static class ValidateCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var files = new Argument<FileInfo[]>("FILE") { Arity = ArgumentArity.OneOrMore, Description = "Workbooks to check (.xlsx or .xls)" };
        var format = new Option<string>("--format") { Description = "text (default) or json", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var previous = new Option<FileInfo?>("--previous") { Description = "The HWB's accepted return for the previous quarter, for YTD-DECREASE" };
        var reference = ReferenceOption.Create();

        var command = new Command("validate", "Check quarterly return workbooks and explain every figure that does not add up.")
        {
            files, format, previous, reference,
        };
        command.SetAction(parse => Run(
            parse.GetValue(files) ?? [], parse.GetValue(format) ?? "text", parse.GetValue(previous), parse.GetValue(reference), stdout, stderr));
        return command;
    }

    private static int Run(FileInfo[] files, string format, FileInfo? previousFile, DirectoryInfo? referenceDir, TextWriter stdout, TextWriter stderr)
    {
        var reference = ReferenceOption.Load(referenceDir, stderr);
        if (reference is null)
        {
            return BcfCommand.UsageError;
        }

        var validator = new ReturnValidator(reference);
        var given = previousFile is null ? null : validator.Check(previousFile.FullName).Return;
        var results = new List<(string Name, CheckedReturn Checked)>();
        foreach (var file in files)
        {
            results.Add((file.ToString(), validator.Check(file.FullName)));
        }

        // Revalidate with the previous quarter where the batch (or --previous) holds it.
        var returns = results.Where(r => r.Checked.Return is not null).Select(r => r.Checked.Return!).ToList();
        if (given is not null)
        {
            returns.Add(given);
        }

        for (var i = 0; i < results.Count; i++)
        {
            if (results[i].Checked.Return is { } current && PreviousOf(current, returns) is { } before)
            {
                results[i] = (results[i].Name, results[i].Checked with { Report = validator.Validate(current, before) });
            }
        }

        if (format == "json")
        {
            JsonReport.Write(stdout, results.Select(r => (r.Name, r.Checked.Report)));
        }
        else
        {
            foreach (var (name, checkedReturn) in results)
            {
                TextReport.Write(stdout, name, checkedReturn.Report);
            }
        }

        return results.Any(r => !r.Checked.Report.IsValid) ? BcfCommand.HasErrors : BcfCommand.Ok;
    }

    private static QuarterlyReturn? PreviousOf(QuarterlyReturn current, List<QuarterlyReturn> candidates)
    {
        var wanted = current.Cover?.Period?.Previous;
        var hwb = current.Cover?.HwbCode;
        return wanted is null || hwb is null
            ? null
            : candidates.FirstOrDefault(c => c.Cover?.Period == wanted && c.Cover?.HwbCode == hwb);
    }
}
