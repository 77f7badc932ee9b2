using BetterCare.Fixtures;

// Writes the committed workbooks: `samples DIR` (the sample returns) or `testdata DIR` (one file per test case).
if (args.Length != 2 || args[0] is not ("samples" or "testdata"))
{
    Console.Error.WriteLine("usage: BetterCare.Fixtures samples|testdata DIR");
    return 2;
}

var cases = args[0] == "samples" ? Samples.All : TestDataCases.All;
Directory.CreateDirectory(args[1]);
foreach (var c in cases)
{
    c.Write(Path.Combine(args[1], c.FileName));
    Console.WriteLine($"{c.FileName,-48} {c.Purpose}");
}

return 0;
