namespace BetterCare.Benchmarks;

/// <summary>Folders of the repository, found by walking up from the build output.</summary>
internal static class Paths
{
    /// <summary>The repository's root: the folder above the build output that holds samples/reference.</summary>
    public static string Root => BetterCare.Testing.Repo.Root;

    /// <summary>samples/reference.</summary>
    public static string Reference => BetterCare.Testing.Repo.Reference;

    /// <summary>The app's project folder, its content root.</summary>
    public static string Standalone => Path.Combine(Root, "src", "BetterCare.Standalone");
}
