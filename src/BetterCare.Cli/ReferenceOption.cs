using System.CommandLine;
using BetterCare.Returns.Reference;

namespace BetterCare.Cli;

/// <summary>--reference DIR: where areas.csv, partners.csv and minimum-contributions.csv are; by default samples/reference found from here up.</summary>
internal static class ReferenceOption
{
    public static Option<DirectoryInfo?> Create() => new("--reference")
    {
        Description = "Folder of reference CSVs (default: samples/reference, looked for from the current folder up)",
    };

    /// <summary>Loads the reference data, or explains on stderr why it cannot and returns null.</summary>
    public static ReferenceData? Load(DirectoryInfo? given, TextWriter stderr)
    {
        var directory = given?.FullName
            ?? ReferenceData.FindDefaultDirectory(Environment.CurrentDirectory)
            ?? ReferenceData.FindDefaultDirectory();
        if (directory is null)
        {
            stderr.WriteLine("bcf: no reference data found; pass --reference DIR (a folder with areas.csv, partners.csv and minimum-contributions.csv).");
            return null;
        }

        try
        {
            return ReferenceData.Load(directory);
        }
        catch (InvalidDataException e)
        {
            stderr.WriteLine("bcf: " + e.Message);
            return null;
        }
    }
}
