namespace BetterCare.Infrastructure.Tests;

/// <summary>The template compiles and lints without a single error or warning.</summary>
[Collection(TemplateCollection.Name)]
public sealed class BicepCliTests(TemplateFixture template)
{
    [Fact]
    public void Build_has_no_errors_or_warnings()
    {
        Assert.True(template.Build.IsClean, template.Build.ToString());
        Assert.Equal("2.0", (string?)template.Compiled["languageVersion"]);
    }

    [Fact]
    public async Task Lint_has_no_errors_or_warnings()
    {
        var lint = await BicepCli.RunAsync(Repository.Root, "lint", Repository.Template);

        Assert.True(lint.IsClean, $"bicep lint: {lint}");
    }

    [Fact]
    public void Snapshot_has_no_diagnostics()
    {
        Assert.True(template.SnapshotRun.IsClean, template.SnapshotRun.ToString());
        Assert.Empty(template.Snapshot["diagnostics"]!.AsArray());
    }
}
