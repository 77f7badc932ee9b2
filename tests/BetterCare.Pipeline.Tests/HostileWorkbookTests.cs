using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BetterCare.Fixtures.Seeds;
using BetterCare.Workbooks;

namespace BetterCare.Pipeline.Tests;

/// <summary>
/// Workbooks as an attacker, or a careless copy and paste, would send them: each through the real
/// pipeline on Azurite gets a finding or a clear 4xx (never Failed, never a 500), and afterwards
/// nothing anyone else asks for fails, and the other boards' aggregates and roll-ups are byte for
/// byte what they were before.
/// </summary>
public class HostileWorkbookTests
{
    private const string Period = "2017-18-Q2";
    private const string NelCode = "E06000012";
    private static readonly string Huge = new('x', 100_000);

    /// <summary>A case refused at upload with a 4xx, rather than checked.</summary>
    private const string Refused4xx = "4xx";

    /// <summary>A case checked with no particular finding expected (only that it ends Accepted or Rejected).</summary>
    private const string AnyFinding = "";

    /// <summary>One hostile case: its name, the workbook, and the finding code its report must carry (or <see cref="Refused4xx"/>, or <see cref="AnyFinding"/>).</summary>
    public sealed record Case(string Name, Func<byte[]> Workbook, string Expect, string FileName = "hostile.xlsx");

    public static IReadOnlyList<Case> Cases { get; } =
    [
        new("HWB name with Excel's escaped NUL and ESC", () => Nel(d => d.HwbName = "North East Lincolnshire_x0000_ _x001B_"), "TEXT-CLEANED"),
        new("HWB name with a right-to-left override", () => Nel(d => d.HwbName = "North East \u202ELincolnshire"), "TEXT-CLEANED"),
        new("HWB name with a broken UTF-16 character", () => Nel(d => d.HwbName = "North East Lincolnshire_xD800_"), "TEXT-CLEANED"),
        new("every control character in a partner's name", () => Nel(d => d.Partners[0] = d.Partners[0] with { Name = d.Partners[0].Name + string.Concat(Enumerable.Range(1, 31).Where(c => c is not (9 or 10 or 13)).Select(c => $"_x{c:X4}_")) }), "TEXT-CLEANED"),
        new("a name with line breaks, as a forged log line", () => Nel(d => d.CompletedBy = "Someone\r\n2026-12-01 INFO Submission approved by admin"), AnyFinding),
        new("HWB name of 100,000 characters", () => Nel(d => d.HwbName = Huge), "FIELD-INVALID"),
        new("HWB name of 201 characters", () => Nel(d => d.HwbName = new string('N', 201)), "FIELD-INVALID"),
        new("HWB name that is a formula", () => Nel(d => d.HwbName = "=HYPERLINK(\"http://evil.example\")_x0007_"), "TEXT-CLEANED"),
        new("partner code with characters a key may not hold", () => Nel(d => d.Partners[0] = d.Partners[0] with { Code = "03/H#?\\" }), "FIELD-INVALID"),
        new("partner code of 2,000 characters", () => Nel(d => d.Partners[0] = d.Partners[0] with { Code = new string('Q', 2_000) }), "FIELD-INVALID"),
        new("partner name of 100,000 characters", () => Nel(d => d.Partners[0] = d.Partners[0] with { Name = Huge }), "FIELD-INVALID"),
        new("partner type of 100,000 characters", () => Nel(d => d.Partners[1] = d.Partners[1] with { Type = Huge }), "FIELD-INVALID"),
        new("about 300 signatories", () => Nel(d => AddSignatories(d, 300)), "FIELD-INVALID"),
        new("123 signatories at arbitrary addresses", () => Nel(d => AddSignatories(d, 123)), "FIELD-INVALID"),
        new("41 signatories", () => Nel(d => AddSignatories(d, 41 - d.Signatories.Count)), "FIELD-INVALID"),
        new("two signatories with one address", () => Nel(d => d.Signatories[1] = d.Signatories[1] with { Email = d.Signatories[0].Email }), "FIELD-INVALID"),
        new("a signatory's email with a header injected", () => Nel(d => d.Signatories[0] = d.Signatories[0] with { Email = "cfo@nelccg.example\r\nBcc: everyone@example.org" }), "FIELD-INVALID"),
        new("a signatory's name of 100,000 characters", () => Nel(d => d.Signatories[0] = d.Signatories[0] with { Name = Huge }), "FIELD-INVALID"),
        new("a signatory's position of 100,000 characters", () => Nel(d => d.Signatories[0] = d.Signatories[0] with { Position = Huge }), "FIELD-INVALID"),
        new("a signatory's organisation of 100,000 characters", () => Nel(d => d.Signatories[2] = d.Signatories[2] with { Organisation = Huge }), "FIELD-INVALID"),
        new("a scheme name of 100,000 characters", () => Nel(d => d.Schemes[0] = d.Schemes[0] with { Name = Huge }), "FIELD-INVALID"),
        new("a scheme ID of 1,000 characters", () => Nel(d => d.Schemes[0] = d.Schemes[0] with { Id = new string('7', 1_000) }), "FIELD-INVALID"),
        new("a commissioner and provider of 100,000 characters", () => Nel(d => d.Schemes[1] = d.Schemes[1] with { Commissioner = Huge, Provider = Huge }), "FIELD-INVALID"),
        new("a condition's commentary of 100,000 characters", () => Nel(d => d.Conditions![0] = d.Conditions[0] with { Commentary = Huge }), "FIELD-INVALID"),
        new("a metric's commentary of 100,000 characters", () => Nel(d => d.Metrics![0] = d.Metrics[0] with { Commentary = Huge }), "FIELD-INVALID"),
        new("a risk's mitigation of 100,000 characters", () => Nel(d => d.Risks![0] = d.Risks[0] with { Mitigation = Huge }), "FIELD-INVALID"),
        new("the contact email of 100,000 characters", () => Nel(d => d.Email = Huge + "@example.org"), "FIELD-INVALID"),
        new("a Cover value of 100,000 characters", () => Nel(d => d.Units = Huge), "FIELD-INVALID"),
        new("an unknown HWB with a hostile name", () => Nel(d => { d.HwbCode = "E06999999"; d.HwbName = "@SUM(1+1)\u202E_x001B_" + Huge; }), "FIELD-INVALID"),
        new("60 partners", () => Nel(d => { for (var i = 0; i < 60; i++) { d.Partners.Add(d.Partners[1] with { Name = $"Partner {i}", Code = $"P{i}" }); } d.PartnerTotals = null; }), "FIELD-INVALID"),
        new("a Schemes sheet of 10,000 rows of 200 columns (it inflates past the 16 MB limit)", () => WideSchemes(9_998, 200), Refused4xx),
        new("a Schemes sheet of 3,000 rows", () => WideSchemes(3_000, 12), "FIELD-INVALID"),
        new("an .xlsx sent as a.xls", () => Nel(_ => { }), AnyFinding, "a.xls"),
        new("not a spreadsheet", () => "MZ this is not a workbook at all"u8.ToArray(), Refused4xx),
        new("a truncated workbook", () => Nel(_ => { })[..4_000], Refused4xx),
    ];

    [Fact]
    public async Task EachHostileWorkbookGetsAFindingOrA4xxAndNobodyElseIsTouched()
    {
        Assert.True(Cases.Count >= 30);
        await using var azurite = await Azurite.StartAsync();
        await using var app = new PipelineApp(azurite.ConnectionString);
        using var admin = app.Client(PipelineApp.AdminKey);

        // The other boards, and what they look like before any hostile upload.
        foreach (var draft in GreaterEssex.Returns("2017-18", "Q2"))
        {
            var id = await Workbook.UploadedIdAsync(admin, Workbook.Bytes(draft), $"{draft.HwbCode}.xlsx");
            Assert.Equal("Accepted", (await Status.FinalAsync(admin, id)).GetProperty("status").GetString());
        }

        var before = await OthersAsync(admin);

        // Each hostile workbook: a finding with its code, or a 4xx at upload; never Failed.
        var ids = new List<(Case Case, string Id)>();
        foreach (var c in Cases)
        {
            using var response = await Workbook.UploadAsync(admin, c.Workbook(), c.FileName);
            if (response.StatusCode != HttpStatusCode.Accepted)
            {
                Assert.True((int)response.StatusCode is >= 400 and < 500, $"{c.Name}: upload answered {(int)response.StatusCode}");
                Assert.True(c.Expect == Refused4xx, $"{c.Name}: refused at upload ({(int)response.StatusCode}) where a finding was expected");
                continue;
            }

            var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("submissionId").GetString()!;
            ids.Add((c, id));
        }

        foreach (var (c, id) in ids)
        {
            var status = await Status.FinalAsync(admin, id, seconds: 120);
            var state = status.GetProperty("status").GetString();
            Assert.True(state is "Accepted" or "Rejected" or "Superseded" or "SignedOff", $"{c.Name}: {state} ({(status.TryGetProperty("failureReason", out var r) ? r.ToString() : null)})");
            Assert.NotEqual(Refused4xx, c.Expect);
            if (c.Expect is { Length: > 0 } code)
            {
                var codes = status.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("code").GetString()).ToList();
                Assert.True(codes.Contains(code), $"{c.Name}: no {code} in {string.Join(", ", codes.Distinct())}");
            }

            if (c.FileName == "a.xls")
            {
                Assert.EndsWith(".xlsx", status.GetProperty("history").EnumerateArray().Single(h => h.GetProperty("event").GetString() == "Archived").GetProperty("detail").GetString()!.Split(' ')[0], StringComparison.Ordinal);
            }
        }

        // Nothing anyone asks for afterwards fails.
        foreach (var path in new[]
        {
            $"/api/aggregates/{Period}", $"/api/aggregates/{Period}?format=csv", $"/api/aggregates/{Period}?format=xlsx",
            $"/api/aggregates/{Period}?format=csv&view=partners", $"/api/aggregates/{Period}?format=csv&view=schemes", $"/api/aggregates/{Period}?format=csv&view=totals",
            $"/api/aggregates/{Period}?region=North%20East%20and%20Yorkshire&format=xlsx", $"/api/aggregates/{Period}?hwb={NelCode}&format=csv",
            $"/api/periods/{Period}/returns", $"/api/rollups/{Period}",
        })
        {
            using var response = await admin.GetAsync(new Uri(path, UriKind.Relative));
            Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        foreach (var (c, id) in ids)
        {
            using var response = await admin.GetAsync(new Uri($"/api/returns/{id}", UriKind.Relative));
            Assert.True(response.IsSuccessStatusCode, $"{c.Name}: status answered {(int)response.StatusCode}");
        }

        // The other boards' aggregates and roll-ups are what they were, byte for byte.
        var after = await OthersAsync(admin);
        Assert.Equal(before.Keys, after.Keys);
        foreach (var (what, bytes) in before)
        {
            Assert.True(bytes.AsSpan().SequenceEqual(after[what]), $"{what} changed");
        }
    }

    /// <summary>Everything about the East of England that a manager downloads, and its roll-up as run now.</summary>
    private static async Task<Dictionary<string, byte[]>> OthersAsync(HttpClient admin)
    {
        using (var rollup = await admin.PostAsync(new Uri($"/api/rollups/{Period}", UriKind.Relative), null))
        {
            Assert.True(rollup.IsSuccessStatusCode, $"roll-up: {(int)rollup.StatusCode} {await rollup.Content.ReadAsStringAsync()}");
        }

        var got = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var path in new[]
        {
            $"/api/aggregates/{Period}?region=East%20of%20England", $"/api/aggregates/{Period}?county=Essex&format=csv",
            $"/api/aggregates/{Period}?county=Essex&format=csv&view=partners", $"/api/aggregates/{Period}?region=East%20of%20England&format=xlsx",
            $"/api/reports/{Period}/region-east-of-england.xlsx", $"/api/reports/{Period}/county-essex.xlsx",
        })
        {
            using var response = await admin.GetAsync(new Uri(path, UriKind.Relative));
            Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode}");
            got[path] = await response.Content.ReadAsByteArrayAsync();
        }

        return got;
    }

    private static byte[] Nel(Action<ReturnDraft> change)
    {
        var draft = NorthEastLincolnshire.Q2_2017_18();
        change(draft);
        return Workbook.Bytes(draft);
    }

    private static void AddSignatories(ReturnDraft draft, int count)
    {
        for (var i = 0; i < count; i++)
        {
            draft.Signatories.Add(new SignatoryDraft(NorthEastLincolnshire.Ccg, "CCG", $"Person {i}", "Officer", $"anyone{i}@anywhere{i}.example", null));
        }
    }

    /// <summary>The seed with a Schemes sheet of <paramref name="rows"/> schemes in <paramref name="columns"/> columns.</summary>
    private static byte[] WideSchemes(int rows, int columns)
    {
        var draft = NorthEastLincolnshire.Q2_2017_18();
        var workbook = ReturnWorkbook.Build(draft);
        var schemes = workbook.Sheets.Single(s => s.Name == "Schemes");
        var header = schemes.Rows.FindIndex(r => r is { Length: > 0 } && Equals(r[0], "Scheme ID"));
        var template = schemes.Rows[header + 1]!;
        schemes.Rows.RemoveRange(header + 1, schemes.Rows.Count - header - 1);
        for (var i = 0; i < rows - header; i++)
        {
            var row = new object?[columns];
            Array.Copy(template, row, Math.Min(template.Length, row.Length));
            row[0] = $"W{i}";
            for (var c = template.Length; c < columns; c++)
            {
                row[c] = c;
            }

            schemes.Rows.Add(row);
        }

        return WorkbookWriter.ToBytes(workbook);
    }
}
