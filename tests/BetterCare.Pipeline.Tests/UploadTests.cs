using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using BetterCare.Fixtures.Seeds;
using BetterCare.Infrastructure;

namespace BetterCare.Pipeline.Tests;

public class UploadTests
{
    [Fact]
    public async Task CleanUploadIsAcceptedWithItsFiguresAndTotalsInTables()
    {
        await using var azurite = await Azurite.StartAsync();
        await using var app = new PipelineApp(azurite.ConnectionString);
        using var client = app.Client(PipelineApp.NelKey);
        var content = Workbook.Clean();

        using var response = await Workbook.UploadAsync(client, content, "nel-q2.xlsx");
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var accepted = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = accepted.GetProperty("submissionId").GetString()!;
        Assert.Equal($"/api/returns/{id}", response.Headers.Location!.ToString());

        var status = await Status.FinalAsync(client, id);
        Assert.Equal("Accepted", status.GetProperty("status").GetString());
        Assert.Equal("2017-18-Q2", status.GetProperty("period").GetString());
        Assert.Equal(17_900_000m, status.GetProperty("figures").GetProperty("pool").GetProperty("pool").GetDecimal());
        Assert.Equal(11_400_000m, status.GetProperty("figures").GetProperty("byPartnerType").GetProperty("CCG/ICB").GetProperty("pool").GetDecimal());
        Assert.Equal(6_500_000m, status.GetProperty("figures").GetProperty("byPartnerType").GetProperty("Council").GetProperty("pool").GetDecimal());
        Assert.Equal(2_400_000m, status.GetProperty("figures").GetProperty("bySchemeType").GetProperty("Disabled Facilities Grant").GetProperty("planned").GetDecimal());
        Assert.Equal(["Received", "Archived", "Validated", "Accepted", "Aggregated", "Notified", "Requested"], status.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("event").GetString()));
        Assert.Empty(status.GetProperty("findings").EnumerateArray());

        using var period = await client.GetAsync(new Uri("/api/periods/2017-18-Q2/returns", UriKind.Relative));
        var rows = await period.Content.ReadFromJsonAsync<JsonElement>();
        var row = Assert.Single(rows.EnumerateArray());
        Assert.Equal("E06000012", row.GetProperty("hwbCode").GetString());
        Assert.Equal("Accepted", row.GetProperty("latestStatus").GetString());
        Assert.Equal(17_900_000m, row.GetProperty("totals").GetProperty("pool").GetDecimal());

        var storage = new Storage(azurite.ConnectionString);
        var totals = await storage.TotalsAsync("2017-18-Q2");
        var ccgLine = Assert.Single(totals, e => e.RowKey == "line|03H|E06000012");
        Assert.Equal(1_140_000_000L, ccgLine.GetInt64("PoolPence"));
        Assert.Equal(1_140_000_000L, ccgLine.GetInt64("ForecastPence"));
        Assert.Empty(await storage.BlobNamesAsync(StorageNames.InboxContainer));
        var archived = Assert.Single(await storage.BlobNamesAsync(StorageNames.ArchiveContainer));
        Assert.Equal($"2017-18/Q2/E06000012/{id}.xlsx", archived);
        var copy = await storage.Clients.Blobs.GetBlobContainerClient(StorageNames.ArchiveContainer).GetBlobClient(archived).DownloadContentAsync();
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(content)), status.GetProperty("contentHash").GetString());
        Assert.Equal(content, copy.Value.Content.ToArray());
    }

    [Fact]
    public async Task WorkbookWithErrorsIsRejectedWithItsFindingsStored()
    {
        await using var azurite = await Azurite.StartAsync();
        await using var app = new PipelineApp(azurite.ConnectionString);
        using var client = app.Client(PipelineApp.EssexKey);

        var id = await Workbook.UploadedIdAsync(client, Workbook.Bytes(Essex.Q2_2016_17()), "essex.xlsx");
        var status = await Status.FinalAsync(client, id);

        Assert.Equal("Rejected", status.GetProperty("status").GetString());
        Assert.True(status.GetProperty("errors").GetInt32() > 0);
        var findings = status.GetProperty("findings").EnumerateArray().ToList();
        var minimum = Assert.Single(findings, f => f.GetProperty("code").GetString() == "COVER-MINIMUM");
        Assert.Equal("Cover", minimum.GetProperty("sheet").GetString());
        Assert.Equal("B9", minimum.GetProperty("cell").GetString());
        Assert.Contains("£9,713", minimum.GetProperty("message").GetString(), StringComparison.Ordinal);

        using var period = await client.GetAsync(new Uri("/api/periods/2016-17-Q2/returns", UriKind.Relative));
        var row = Assert.Single((await period.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray());
        Assert.Equal("Rejected", row.GetProperty("latestStatus").GetString());
        Assert.Equal(JsonValueKind.Null, row.GetProperty("totals").ValueKind);
        var storage = new Storage(azurite.ConnectionString);
        Assert.DoesNotContain(await storage.TotalsAsync("2016-17-Q2"), e => e.RowKey.StartsWith("line|", StringComparison.Ordinal));
        Assert.Contains("COVER-MINIMUM", (await storage.SubmissionStatesAsync()).Single().GetInt32("FindingsChunks") > 0 ? "COVER-MINIMUM" : string.Empty, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResubmissionSupersedesTheEarlierReturn()
    {
        await using var azurite = await Azurite.StartAsync();
        await using var app = new PipelineApp(azurite.ConnectionString);
        using var client = app.Client(PipelineApp.NelKey);

        var first = await Workbook.UploadedIdAsync(client, Workbook.Clean(), "first.xlsx");
        await Status.FinalAsync(client, first);
        var second = await Workbook.UploadedIdAsync(client, Workbook.CleanWithCouncilForecast(6.6), "second.xlsx");
        var secondStatus = await Status.FinalAsync(client, second);

        Assert.Equal("Accepted", secondStatus.GetProperty("status").GetString());
        var firstStatus = await Eventually.Async(() => Status.GetAsync(client, first), s => s.GetProperty("status").GetString() == "Superseded", "the first return to be superseded");
        Assert.Equal(second, firstStatus.GetProperty("supersededBy").GetString());

        using var period = await client.GetAsync(new Uri("/api/periods/2017-18-Q2/returns", UriKind.Relative));
        var row = Assert.Single((await period.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray());
        Assert.Equal(second, row.GetProperty("acceptedSubmissionId").GetString());
        Assert.Equal(18_000_000m, row.GetProperty("totals").GetProperty("forecast").GetDecimal());
        var council = Assert.Single(await new Storage(azurite.ConnectionString).TotalsAsync("2017-18-Q2"), e => e.RowKey == "line|E06000012|E06000012");
        Assert.Equal(660_000_000L, council.GetInt64("ForecastPence"));
    }
}

/// <summary>Reads a submission's status as its uploader would.</summary>
public static class Status
{
    public static async Task<JsonElement> GetAsync(HttpClient client, string id)
    {
        using var response = await client.GetAsync(new Uri($"/api/returns/{id}", UriKind.Relative));
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Waits until the workflow's steps are done (or failed) and, for an accepted return, its sign-off has been requested.</summary>
    public static Task<JsonElement> FinalAsync(HttpClient client, string id, int seconds = 60) =>
        Eventually.Async(() => GetAsync(client, id), IsFinal, $"submission {id} to finish", seconds);

    private static bool IsFinal(JsonElement s)
    {
        var status = s.GetProperty("status").GetString();
        return status == "Failed" ||
            (s.GetProperty("step").GetString() == "Done" &&
             (status != "Accepted" || s.GetProperty("history").EnumerateArray().Any(h => h.GetProperty("event").GetString() == "Requested")));
    }
}
