namespace BetterCare.Testing;

/// <summary>Paths in the repository, found by walking up from the test's build output to the folder holding samples/reference.</summary>
public static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string Samples => Path.Combine(Root, "samples");

    public static string Reference => Path.Combine(Root, "samples", "reference");

    public static string Sample(string name) => Path.Combine(Samples, name);

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "samples", "reference", "areas.csv")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("The repository root (with samples/reference) was not found.");
    }
}
