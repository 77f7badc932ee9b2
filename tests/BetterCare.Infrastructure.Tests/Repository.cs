namespace BetterCare.Infrastructure.Tests;

/// <summary>Paths in the repository, found from the test's output folder.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string InfraDirectory => Path.Combine(Root, "infra");

    public static string Template => Path.Combine(InfraDirectory, "main.bicep");

    public static string Parameters => Path.Combine(InfraDirectory, "main.parameters.json");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Functions.sln")) && Directory.Exists(Path.Combine(directory.FullName, "infra")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No folder above {AppContext.BaseDirectory} holds Functions.sln and infra/.");
    }
}
