using System.CommandLine;
using System.Globalization;
using BetterCare.Returns.Currency;
using BetterCare.Returns.Model;
using BetterCare.Workbooks;

namespace BetterCare.Cli;

/// <summary><c>bcf template --hwb CODE --year 2017-18 --quarter Q2 -o FILE</c>: a blank return pre-filled from the reference data.</summary>
internal static class TemplateCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var hwb = new Option<string>("--hwb") { Description = "The HWB's ONS code, e.g. E10000012", Required = true };
        var year = new Option<string>("--year") { Description = "Financial year, e.g. 2017-18", Required = true };
        var quarter = new Option<string>("--quarter") { Description = "Q1 to Q4", Required = true };
        var output = new Option<FileInfo>("--output", "-o") { Description = "The .xlsx file to write", Required = true };
        var reference = ReferenceOption.Create();
        var command = new Command("template", "Write a blank BCF-QR-1 workbook pre-filled for one HWB and period.")
        {
            hwb, year, quarter, output, reference,
        };
        command.SetAction(parse =>
        {
            var hwbCode = parse.GetValue(hwb)!.Trim().ToUpperInvariant();
            if (!FinancialYear.TryParse(parse.GetValue(year), out var fy))
            {
                stderr.WriteLine($"bcf: --year '{parse.GetValue(year)}' is not a financial year such as 2017-18.");
                return BcfCommand.UsageError;
            }

            if (!Quarter.TryParse(parse.GetValue(quarter), out var q))
            {
                stderr.WriteLine($"bcf: --quarter '{parse.GetValue(quarter)}' is not Q1 to Q4.");
                return BcfCommand.UsageError;
            }

            var data = ReferenceOption.Load(parse.GetValue(reference), stderr);
            if (data is null)
            {
                return BcfCommand.UsageError;
            }

            if (data.Area(hwbCode) is null)
            {
                stderr.WriteLine($"bcf: --hwb {hwbCode} is not in the reference areas ({string.Join(", ", data.Areas.Select(a => $"{a.HwbCode} {a.HwbName}"))}).");
                return BcfCommand.UsageError;
            }

            var file = parse.GetValue(output)!;
            var draft = TemplateBuilder.Build(data, hwbCode, fy, q);
            try
            {
                WorkbookWriter.Write(ReturnWorkbook.Build(draft), file.FullName);
            }
            catch (IOException e)
            {
                stderr.WriteLine($"bcf: cannot write {file}: {e.Message}");
                return BcfCommand.HasErrors;
            }
            catch (UnauthorizedAccessException e)
            {
                stderr.WriteLine($"bcf: cannot write {file}: {e.Message}");
                return BcfCommand.HasErrors;
            }

            stdout.WriteLine($"Wrote {file}: {draft.HwbName} {fy} {q}, {draft.Partners.Count} partners, {draft.Signatories.Count} signatory rows.");
            stdout.WriteLine($"Minimum contributions for {fy}, from the reference data:");
            foreach (var partner in draft.Partners)
            {
                var known = partner.Minimum is double pounds
                    ? $"{Money.FromPounds((long)pounds)}, pre-filled"
                    : $"none in the reference data for {fy}; its Minimum contribution cell is left blank for the board to fill in";
                stdout.WriteLine($"  {partner.Name} ({partner.Code}): {known}");
            }

            stdout.WriteLine(draft.MinimumRequired is null
                ? "The Cover's minimum required value is left blank, since not every partner's minimum is known."
                : $"The Cover's minimum required value is pre-filled with their total, {Money.FromPounds(Convert.ToInt64(draft.MinimumRequired, CultureInfo.InvariantCulture))}.");
            return BcfCommand.Ok;
        });
        return command;
    }
}
