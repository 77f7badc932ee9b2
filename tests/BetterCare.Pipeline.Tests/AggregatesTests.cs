using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using BetterCare.Fixtures.Seeds;
using BetterCare.Workbooks;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace BetterCare.Pipeline.Tests;

public class AggregatesTests
{
    private const string Period = "2017-18-Q2";
    private const string EastKey = "east-manager-key";

    private static readonly Dictionary<string, string> Roles = new()
    {
        ["BetterCare:ApiKeys:4:Key"] = EastKey,
        ["BetterCare:ApiKeys:4:Name"] = "East of England regional manager",
        ["BetterCare:ApiKeys:4:Role"] = "RegionalManager",
        ["BetterCare:ApiKeys:4:Scope"] = "East of England",
        ["BetterCare:Principals:0:Name"] = "manager@east.example",
        ["BetterCare:Principals:0:Role"] = "RegionalManager",
        ["BetterCare:Principals:0:Scope"] = "East of England",
        ["BetterCare:TrustClientPrincipal"] = "true",
    };

    [Fact]
    public async Task CountyRollUpIsTheSumOfItsHwbsAcceptedReturnsToThePenny()
    {
        await using var azurite = await Azurite.StartAsync();
        await using var app = new PipelineApp(azurite.ConnectionString, settings: Roles);
        using var admin = app.Client(PipelineApp.AdminKey);
        var ids = await SubmitAllAsync(admin, GreaterEssex.Returns("2017-18", "Q2"));

        var pools = new List<decimal>();
        foreach (var id in ids)
        {
            var status = await Status.GetAsync(admin, id);
            Assert.Equal("Accepted", status.GetProperty("status").GetString());
            pools.Add(status.GetProperty("figures").GetProperty("pool").GetProperty("pool").GetDecimal());
        }

        var county = await GetJsonAsync(admin, $"/api/aggregates/{Period}?county=Essex");

        Assert.Equal(pools.Sum(), county.GetProperty("totals").GetProperty("pool").GetDecimal());
        Assert.Equal(3, county.GetProperty("hwbs").GetArrayLength());
        Assert.Empty(county.GetProperty("withoutAcceptedReturn").EnumerateArray());
        Assert.Equal(10, county.GetProperty("partners").GetArrayLength());
        var midEssex = county.GetProperty("partners").EnumerateArray().Single(p => p.GetProperty("code").GetString() == "06Q");
        Assert.Equal(22_386_000m, midEssex.GetProperty("totals").GetProperty("pool").GetDecimal());
        var byType = county.GetProperty("byPartnerType");
        Assert.Equal(county.GetProperty("totals").GetProperty("pool").GetDecimal(), byType.EnumerateObject().Sum(t => t.Value.GetProperty("pool").GetDecimal()));

        // The region holds the county, and North East Lincolnshire's region is another.
        var region = await GetJsonAsync(admin, $"/api/aggregates/{Period}?region=East%20of%20England");
        Assert.Equal(pools.Sum(), region.GetProperty("totals").GetProperty("pool").GetDecimal());
    }

    [Fact]
    public async Task RegionAndCountyNamesMatchHoweverTheyAreWrittenAndAnUnknownOneIsNamedWithTheKnownOnes()
    {
        await using var azurite = await Azurite.StartAsync();
        await using var app = new PipelineApp(azurite.ConnectionString, settings: Roles);
        using var admin = app.Client(PipelineApp.AdminKey);
        using var east = app.Client(EastKey);
        await SubmitAllAsync(admin, GreaterEssex.Returns("2017-18", "Q2"));

        var spelt = await GetJsonAsync(admin, $"/api/aggregates/{Period}?region=East%20of%20England");
        foreach (var written in new[] { "east-of-england", "EAST_OF_ENGLAND", "east%20of%20england", "Eastof%20England" })
        {
            var same = await GetJsonAsync(admin, $"/api/aggregates/{Period}?region={written}");
            Assert.Equal(spelt.GetProperty("totals").GetProperty("pool").GetDecimal(), same.GetProperty("totals").GetProperty("pool").GetDecimal());
            Assert.Equal(3, same.GetProperty("hwbs").GetArrayLength());
        }

        Assert.Equal(3, (await GetJsonAsync(admin, $"/api/aggregates/{Period}?county=essex")).GetProperty("hwbs").GetArrayLength());
        Assert.Equal(HttpStatusCode.OK, await StatusOf(east, $"/api/aggregates/{Period}?region=east-of-england"));

        // Not zeros for a name the reference data does not have: a 404 that says which names it has.
        using var unknown = await admin.GetAsync(new Uri($"/api/aggregates/{Period}?region=Atlantis", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var error = (await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString();
        Assert.Contains("There is no region called 'Atlantis'", error, StringComparison.Ordinal);
        Assert.Contains("East of England", error, StringComparison.Ordinal);
        Assert.Contains("North East and Yorkshire", error, StringComparison.Ordinal);
        using var county = await admin.GetAsync(new Uri($"/api/aggregates/{Period}?county=Wessex", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, county.StatusCode);
        Assert.Contains("Essex", (await county.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARejectedReturnDoesNotCountAndAResubmissionChangesTheRollUp()
    {
        await using var azurite = await Azurite.StartAsync();
        await using var app = new PipelineApp(azurite.ConnectionString, settings: Roles);
        using var admin = app.Client(PipelineApp.AdminKey);
        var returns = GreaterEssex.Returns("2017-18", "Q2");
        var thurrock = returns[2];
        var broken = GreaterEssex.Returns("2017-18", "Q2")[2];
        broken.Partners[0] = broken.Partners[0] with { Total = 1.0 };
        await SubmitAllAsync(admin, [returns[0], returns[1], broken]);

        var withoutThurrock = await GetJsonAsync(admin, $"/api/aggregates/{Period}?county=Essex");
        Assert.Equal(["E06000034"], withoutThurrock.GetProperty("withoutAcceptedReturn").EnumerateArray().Select(e => e.GetString()));
        var rejected = withoutThurrock.GetProperty("hwbs").EnumerateArray().Single(h => h.GetProperty("hwbCode").GetString() == "E06000034");
        Assert.Equal("Rejected", rejected.GetProperty("status").GetString());
        var before = withoutThurrock.GetProperty("totals").GetProperty("pool").GetDecimal();

        await SubmitAllAsync(admin, [thurrock]);
        var after = await GetJsonAsync(admin, $"/api/aggregates/{Period}?county=Essex");
        Assert.Equal(before + 15_800_000m, after.GetProperty("totals").GetProperty("pool").GetDecimal());

        var resubmitted = GreaterEssex.Returns("2017-18", "Q2")[2];
        resubmitted.Partners[1] = resubmitted.Partners[1] with { Forecast = 4_000_000.0 };
        await SubmitAllAsync(admin, [resubmitted]);
        var changed = await GetJsonAsync(admin, $"/api/aggregates/{Period}?county=Essex");
        Assert.Equal(after.GetProperty("totals").GetProperty("forecast").GetDecimal() - 310_000m, changed.GetProperty("totals").GetProperty("forecast").GetDecimal());
        Assert.Equal(after.GetProperty("totals").GetProperty("pool").GetDecimal(), changed.GetProperty("totals").GetProperty("pool").GetDecimal());
    }

    [Fact]
    public async Task EachRoleSeesExactlyItsScope()
    {
        await using var azurite = await Azurite.StartAsync();
        await using var app = new PipelineApp(azurite.ConnectionString, settings: Roles);
        using var admin = app.Client(PipelineApp.AdminKey);
        await SubmitAllAsync(admin, [.. GreaterEssex.Returns("2017-18", "Q2"), NorthEastLincolnshire.Q2_2017_18()]);
        using var lead = app.Client(PipelineApp.EssexKey);
        using var east = app.Client(EastKey);
        using var national = app.Client(PipelineApp.NationalKey);
        using var nobody = app.Client(null);

        Assert.Equal(HttpStatusCode.Unauthorized, await StatusOf(nobody, $"/api/aggregates/{Period}"));
        Assert.Equal(HttpStatusCode.OK, await StatusOf(lead, $"/api/aggregates/{Period}?hwb=E10000012"));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusOf(lead, $"/api/aggregates/{Period}?hwb=E06000033"));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusOf(lead, $"/api/aggregates/{Period}?county=Essex"));
        Assert.Equal(HttpStatusCode.OK, await StatusOf(east, $"/api/aggregates/{Period}?region=East%20of%20England"));
        Assert.Equal(HttpStatusCode.OK, await StatusOf(east, $"/api/aggregates/{Period}?county=Essex"));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusOf(east, $"/api/aggregates/{Period}?hwb=E06000012"));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusOf(east, $"/api/aggregates/{Period}?region=North%20East%20and%20Yorkshire"));
        Assert.Equal(HttpStatusCode.OK, await StatusOf(national, $"/api/aggregates/{Period}"));

        // With no scope asked for, each sees its own; the answer holds nothing from outside it.
        var own = await GetJsonAsync(lead, $"/api/aggregates/{Period}");
        Assert.Equal(["E10000012"], own.GetProperty("hwbs").EnumerateArray().Select(h => h.GetProperty("hwbCode").GetString()));
        var region = await GetJsonAsync(east, $"/api/aggregates/{Period}");
        Assert.Equal(["E06000033", "E06000034", "E10000012"], region.GetProperty("hwbs").EnumerateArray().Select(h => h.GetProperty("hwbCode").GetString()));
        var all = await GetJsonAsync(national, $"/api/aggregates/{Period}");
        Assert.Equal(4, all.GetProperty("hwbs").GetArrayLength());

        // Refusals look the same whether or not the other area has data.
        using var denied = await east.GetAsync(new Uri($"/api/aggregates/{Period}?hwb=E06000012", UriKind.Relative));
        using var deniedEmpty = await east.GetAsync(new Uri($"/api/aggregates/{Period}?hwb=E09000028", UriKind.Relative));
        Assert.Equal(await denied.Content.ReadAsStringAsync(), await deniedEmpty.Content.ReadAsStringAsync());

        // Behind App Service Authentication the principal maps to the same role and scope.
        using var signedIn = app.Client(null);
        var principal = Convert.ToBase64String(Encoding.UTF8.GetBytes(
            "{\"auth_typ\":\"aad\",\"name_typ\":\"preferred_username\",\"role_typ\":\"roles\",\"claims\":[{\"typ\":\"preferred_username\",\"val\":\"manager@east.example\"}]}"));
        signedIn.DefaultRequestHeaders.Add("X-MS-CLIENT-PRINCIPAL", principal);
        Assert.Equal(HttpStatusCode.OK, await StatusOf(signedIn, $"/api/aggregates/{Period}?county=Essex"));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusOf(signedIn, $"/api/aggregates/{Period}?hwb=E06000012"));
    }

    [Fact]
    public async Task CsvAndExcelExportsParseBackToTheSameNumbersAsTheJson()
    {
        await using var azurite = await Azurite.StartAsync();
        await using var app = new PipelineApp(azurite.ConnectionString, settings: Roles);
        using var admin = app.Client(PipelineApp.AdminKey);
        var returns = GreaterEssex.Returns("2017-18", "Q2");
        returns[2].HwbName = "=HYPERLINK(\"http://evil.example\")";
        await SubmitAllAsync(admin, returns);
        var json = await GetJsonAsync(admin, $"/api/aggregates/{Period}?county=Essex");
        var expected = json.GetProperty("hwbs").EnumerateArray().ToDictionary(
            h => h.GetProperty("hwbCode").GetString()!,
            h => h.GetProperty("figures").GetProperty("pool").GetProperty("pool").GetDecimal());

        using var csvRequest = new HttpRequestMessage(HttpMethod.Get, new Uri($"/api/aggregates/{Period}?county=Essex", UriKind.Relative));
        csvRequest.Headers.Add("Accept", "text/csv");
        using var csvResponse = await admin.SendAsync(csvRequest);
        Assert.Equal("text/csv", csvResponse.Content.Headers.ContentType!.MediaType);
        var csvText = await csvResponse.Content.ReadAsStringAsync();
        var lines = csvText.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var fromCsv = BetterCare.Returns.Reference.Csv.ReadRecords(new StringReader(csvText), "hwbs.csv").ToDictionary(r => r["hwb_code"], r => decimal.Parse(r["pool"], CultureInfo.InvariantCulture));
        Assert.Equal(expected, fromCsv);
        Assert.Contains("\"'=HYPERLINK(\"\"http://evil.example\"\")\"", lines[1..].Single(l => l.Contains("E06000034", StringComparison.Ordinal)), StringComparison.Ordinal);

        var partnersCsv = await admin.GetStringAsync(new Uri($"/api/aggregates/{Period}?county=Essex&format=csv&view=partners", UriKind.Relative));
        Assert.Equal(json.GetProperty("partners").GetArrayLength() + 1, partnersCsv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);

        var xlsx = await admin.GetByteArrayAsync(new Uri($"/api/aggregates/{Period}?county=Essex&format=xlsx", UriKind.Relative));
        using var document = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        var part = document.WorkbookPart!;
        Assert.Equal(["HWBs", "Partners", "Scheme types", "Totals"], part.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value));
        var hwbSheet = (WorksheetPart)part.GetPartById(part.Workbook.Sheets!.Elements<Sheet>().First().Id!);
        var rows = hwbSheet.Worksheet.Descendants<Row>().ToList();
        var columns = rows[0].Elements<Cell>().Select(c => c.InlineString!.Text!.Text).ToList();
        var fromXlsx = rows.Skip(1).ToDictionary(
            r => r.Elements<Cell>().ElementAt(columns.IndexOf("HWB code")).InlineString!.Text!.Text,
            r => decimal.Parse(r.Elements<Cell>().Single(c => c.CellReference!.Value!.StartsWith(BetterCare.Returns.Reading.CellRef.ColumnName(columns.IndexOf("Pool")), StringComparison.Ordinal)).CellValue!.Text, CultureInfo.InvariantCulture));
        Assert.Equal(expected, fromXlsx);
        var name = rows.Skip(1).Select(r => r.Elements<Cell>().ElementAt(columns.IndexOf("HWB name")).InlineString!.Text!.Text).Single(n => n.Contains("HYPERLINK", StringComparison.Ordinal));
        Assert.StartsWith("'=", name, StringComparison.Ordinal);
        Assert.Empty(hwbSheet.Worksheet.Descendants<CellFormula>());

        // Headers in words, the header row frozen with filters on it, names beside codes, and each board's state.
        Assert.Equal(["Period", "HWB code", "HWB name", "Region", "County", "Status", "State", "Accepted submission"], columns.Take(8));
        Assert.Contains(hwbSheet.Worksheet.Descendants<Pane>(), p => p.State?.Value == PaneStateValues.Frozen && p.VerticalSplit?.Value == 1);
        Assert.StartsWith("A1:", hwbSheet.Worksheet.Elements<AutoFilter>().Single().Reference!.Value, StringComparison.Ordinal);
        Assert.All(json.GetProperty("hwbs").EnumerateArray(), h => Assert.Equal("accepted", h.GetProperty("state").GetString()));
        Assert.All(json.GetProperty("hwbs").EnumerateArray(), h => Assert.StartsWith("Accepted", h.GetProperty("stateText").GetString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task ACodedPartnerIsNamedAsTheReferenceDataNamesItNotAsAWorkbookSpellsIt()
    {
        await using var azurite = await Azurite.StartAsync();
        await using var app = new PipelineApp(azurite.ConnectionString, settings: Roles);
        using var admin = app.Client(PipelineApp.AdminKey);
        var returns = GreaterEssex.Returns("2017-18", "Q2");
        var essex = returns.Single(r => r.HwbCode == "E10000012");
        var i = essex.Partners.FindIndex(p => p.Code == "06T");
        essex.Partners[i] = essex.Partners[i] with { Name = "NORTH EAST ESSEX  CCG" };
        await SubmitAllAsync(admin, returns);

        var json = await GetJsonAsync(admin, $"/api/aggregates/{Period}?county=Essex");

        var partners = json.GetProperty("partners").EnumerateArray().ToList();
        var partner = partners.SingleOrDefault(p => p.GetProperty("code").GetString() == "06T");
        Assert.True(partner.ValueKind == JsonValueKind.Object, string.Join("; ", partners.Select(p => p.ToString())));
        Assert.Equal("North East Essex CCG", partner.GetProperty("name").GetString());
    }

    [Fact]
    public async Task SeriesGivesAnHwbQuarterByQuarter()
    {
        await using var azurite = await Azurite.StartAsync();
        await using var app = new PipelineApp(azurite.ConnectionString, settings: Roles);
        using var admin = app.Client(PipelineApp.AdminKey);
        await SubmitAllAsync(admin, [GreaterEssex.Returns("2017-18", "Q1")[1], GreaterEssex.Returns("2017-18", "Q3")[1]]);

        var series = await GetJsonAsync(admin, "/api/aggregates?hwb=E06000033&from=2017-18-Q1&to=2017-18-Q4");

        Assert.Equal(["2017-18-Q1", "2017-18-Q2", "2017-18-Q3", "2017-18-Q4"], series.EnumerateArray().Select(p => p.GetProperty("period").GetString()));
        Assert.Equal([17_448_000m, 0m, 17_448_000m, 0m], series.EnumerateArray().Select(p => p.GetProperty("totals").GetProperty("pool").GetDecimal()));
        Assert.Equal(["E06000033"], series[1].GetProperty("withoutAcceptedReturn").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, await StatusOf(admin, "/api/aggregates?hwb=E06000033&from=2018-19-Q1&to=2017-18-Q4"));
    }

    private static async Task<List<string>> SubmitAllAsync(HttpClient client, IEnumerable<ReturnDraft> drafts)
    {
        var ids = new List<string>();
        foreach (var draft in drafts)
        {
            ids.Add(await Workbook.UploadedIdAsync(client, Workbook.Bytes(draft), $"{draft.HwbCode}.xlsx"));
        }

        foreach (var id in ids)
        {
            await Status.FinalAsync(client, id);
        }

        return ids;
    }

    private static async Task<JsonElement> GetJsonAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<HttpStatusCode> StatusOf(HttpClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        return response.StatusCode;
    }
}
