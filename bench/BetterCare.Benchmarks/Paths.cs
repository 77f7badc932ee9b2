using BetterCare.Returns.Reference;

namespace BetterCare.Benchmarks;

/// <summary>Folders of the repository, found by walking up from the build output.</summary>
internal static class Paths
{
    /// <summary>The repository's root: the folder above the build output that holds samples/reference.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>samples/reference.</summary>
    public static string Reference => Path.Combine(Root, "samples", "reference");

    /// <summary>The app's project folder, its content root.</summary>
    public static string Functions => Path.Combine(Root, "src", "BetterCare.Functions");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "samples", "reference", ReferenceData.AreasFile)))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("samples/reference was not found above " + AppContext.BaseDirectory);
    }
}
