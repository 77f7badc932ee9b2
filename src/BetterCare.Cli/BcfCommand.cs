using System.CommandLine;

namespace BetterCare.Cli;

/// <summary>The <c>bcf</c> command line: exit 0 when all is well, 1 when a file has errors, 2 for a usage error.</summary>
public static class BcfCommand
{
    public const int Ok = 0;
    public const int HasErrors = 1;
    public const int UsageError = 2;

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var root = new RootCommand("BetterCare Returns: check and prepare Better Care Fund quarterly returns.");
        root.Subcommands.Add(ValidateCommand.Create(stdout, stderr));
        root.Subcommands.Add(TemplateCommand.Create(stdout, stderr));
        root.Subcommands.Add(SubmitCommand.Create(stdout, stderr));
        root.Subcommands.Add(RollupCommand.Create(stdout, stderr));

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                stderr.WriteLine("bcf: " + error.Message);
            }

            stderr.WriteLine("Run 'bcf --help' for usage.");
            return UsageError;
        }

        return parsed.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr });
    }
}
