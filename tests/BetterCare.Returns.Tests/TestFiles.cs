using BetterCare.Returns.Findings;
using BetterCare.Returns.Reference;
using BetterCare.Returns.Validation;

namespace BetterCare.Returns.Tests;

/// <summary>The committed test workbooks (TestData/, written by tools/BetterCare.Fixtures) and the reference data.</summary>
public static class TestFiles
{
    private static readonly Lazy<ReferenceData> LazyReference = new(() =>
        ReferenceData.Load(ReferenceData.FindDefaultDirectory() ?? throw new InvalidOperationException("samples/reference not found above the test folder.")));

    public static ReferenceData Reference => LazyReference.Value;

    public static string Path(string name)
    {
        var path = System.IO.Path.Combine(AppContext.BaseDirectory, "TestData", name);
        return File.Exists(path) ? path : throw new FileNotFoundException($"TestData/{name} is missing; run tools/BetterCare.Fixtures.", path);
    }

    public static CheckedReturn Check(string name) => new ReturnValidator(Reference).Check(Path(name));

    public static ValidationReport Validate(string name) => Check(name).Report;
}
