using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BetterCare.Fixtures.Reading;
using BetterCare.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace BetterCare.Pipeline.Tests;

/// <summary>
/// Bad input at the API: each refusal is a JSON error with a plain reason, and nothing is half-written.
/// Nothing here is ever accepted, so the tests share one Azurite and app.
/// </summary>
public class UploadApiErrorTests : IClassFixture<UploadApiErrorTests.Fixture>
{
    private readonly Fixture _fixture;

    public UploadApiErrorTests(Fixture fixture) => _fixture = fixture;

    [Fact]
    public async Task UploadWithoutAKeyIsUnauthorized()
    {
        using var client = _fixture.App.Client(null);

        using var response = await Workbook.UploadAsync(client, Workbook.Clean());

        await Refused.Async(response, HttpStatusCode.Unauthorized, "X-Api-Key");
        await Refused.NothingWrittenAsync(_fixture.Azurite);
    }

    [Fact]
    public async Task AMalformedMultipartBodyIsABadRequestNotTooLarge()
    {
        using var client = _fixture.App.Client(PipelineApp.NelKey);
        using var body = new ByteArrayContent("--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.xlsx\"\r\n\r\nPK and then the body stops"u8.ToArray());
        body.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=b");

        using var response = await client.PostAsync(new Uri("/api/returns", UriKind.Relative), body);

        await Refused.Async(response, HttpStatusCode.BadRequest, "not a whole, well-formed form");
        await Refused.NothingWrittenAsync(_fixture.Azurite);
    }

    [Theory]
    [InlineData(StatusCodes.Status408RequestTimeout, 408, "too slowly")]
    [InlineData(StatusCodes.Status413PayloadTooLarge, 413, "larger than the 20 MB limit")]
    [InlineData(StatusCodes.Status400BadRequest, 400, "not a whole, well-formed form")]
    public void AFormTheServerStoppedReadingSaysWhyWithItsOwnStatus(int serverStatus, int answered, string says)
    {
        var failure = BetterCare.App.Uploads.FormFailure.Of(new BadHttpRequestException("stopped", serverStatus), "20 MB");

        Assert.Equal(answered, failure.Status);
        Assert.Contains(says, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UploadWithAnUnknownKeyIsUnauthorized()
    {
        using var client = _fixture.App.Client("not-a-configured-key");

        using var response = await Workbook.UploadAsync(client, Workbook.Clean());

        await Refused.Async(response, HttpStatusCode.Unauthorized, "API key is required");
        await Refused.NothingWrittenAsync(_fixture.Azurite);
    }

    [Fact]
    public async Task NationalKeyCannotUpload()
    {
        using var client = _fixture.App.Client(PipelineApp.NationalKey);

        using var response = await Workbook.UploadAsync(client, Workbook.Clean());

        await Refused.Async(response, HttpStatusCode.Forbidden, "cannot upload");
        await Refused.NothingWrittenAsync(_fixture.Azurite);
    }

    [Fact]
    public async Task LeadCannotUploadAnotherHwbsReturn()
    {
        using var client = _fixture.App.Client(PipelineApp.EssexKey);

        using var response = await Workbook.UploadAsync(client, Workbook.Clean(), "nel-q2.xlsx");

        var error = await Refused.Async(response, HttpStatusCode.Forbidden, "E10000012");
        Assert.Contains("E06000012", error, StringComparison.Ordinal);
        await Refused.NothingWrittenAsync(_fixture.Azurite);
    }

    [Fact]
    public async Task TextFileIsRefusedAsNotASpreadsheet()
    {
        using var client = _fixture.App.Client(PipelineApp.NelKey);

        using var response = await Workbook.UploadAsync(client, NotWorkbooks.CsvText(), "contributions.xlsx");

        var error = await Refused.Async(response, HttpStatusCode.UnprocessableEntity, "'contributions.xlsx' cannot be read as a workbook");
        Assert.Contains("not a spreadsheet", error, StringComparison.Ordinal);
        await Refused.NothingWrittenAsync(_fixture.Azurite);
    }

    [Fact]
    public async Task WordDocumentIsRefusedAsNotASpreadsheet()
    {
        using var client = _fixture.App.Client(PipelineApp.NelKey);

        using var response = await Workbook.UploadAsync(client, NotWorkbooks.WordDocument(), "covering-letter.xlsx");

        var error = await Refused.Async(response, HttpStatusCode.UnprocessableEntity, "cannot be read as a workbook");
        Assert.Contains("no Excel workbook", error, StringComparison.Ordinal);
        await Refused.NothingWrittenAsync(_fixture.Azurite);
    }

    [Fact]
    public async Task UploadLargerThanTheLimitIsTooLarge()
    {
        var settings = new Dictionary<string, string> { ["BetterCare:Pipeline:MaxUploadBytes"] = "4096" };
        await using var app = new PipelineApp(_fixture.Azurite.ConnectionString, settings: settings);
        using var client = app.Client(PipelineApp.NelKey);
        var content = Workbook.Clean();
        Assert.True(content.Length > 4096);

        using var response = await Workbook.UploadAsync(client, content, "nel-q2.xlsx");

        var error = await Refused.Async(response, HttpStatusCode.RequestEntityTooLarge, "larger than the");
        Assert.Contains("4 KB", error, StringComparison.Ordinal);
        await Refused.NothingWrittenAsync(_fixture.Azurite);
    }

    [Fact]
    public async Task BodyThatIsNotMultipartIsABadRequest()
    {
        using var client = _fixture.App.Client(PipelineApp.NelKey);
        using var body = new ByteArrayContent(Workbook.Clean());
        body.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");

        using var response = await client.PostAsync(new Uri("/api/returns", UriKind.Relative), body);

        await Refused.Async(response, HttpStatusCode.BadRequest, "multipart/form-data");
        await Refused.NothingWrittenAsync(_fixture.Azurite);
    }

    [Fact]
    public async Task UnknownSubmissionIsNotFound()
    {
        using var client = _fixture.App.Client(PipelineApp.AdminKey);

        using var wellFormed = await client.GetAsync(new Uri("/api/returns/s0123456789abcdef01234567", UriKind.Relative));
        using var malformed = await client.GetAsync(new Uri("/api/returns/not-an-id", UriKind.Relative));

        await Refused.Async(wellFormed, HttpStatusCode.NotFound, "'s0123456789abcdef01234567' was not found");
        await Refused.Async(malformed, HttpStatusCode.NotFound, "'not-an-id' was not found");
    }

    [Fact]
    public async Task PeriodThatIsNotAPeriodIsABadRequest()
    {
        using var client = _fixture.App.Client(PipelineApp.NationalKey);

        using var response = await client.GetAsync(new Uri("/api/periods/not-a-period/returns", UriKind.Relative));

        await Refused.Async(response, HttpStatusCode.BadRequest, "'not-a-period' is not a period");
    }

    public sealed class Fixture : IAsyncLifetime
    {
        public Azurite Azurite { get; private set; } = null!;

        public PipelineApp App { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Azurite = await Azurite.StartAsync();
            App = new PipelineApp(Azurite.ConnectionString);
        }

        public async Task DisposeAsync()
        {
            await App.DisposeAsync();
            await Azurite.DisposeAsync();
        }
    }
}

/// <summary>What a refused request must look like, and what it must leave behind (nothing).</summary>
internal static class Refused
{
    public static async Task<string> Async(HttpResponseMessage response, HttpStatusCode status, string reason)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var error = body.GetProperty("error").GetString()!;
        Assert.Contains(reason, error, StringComparison.Ordinal);
        return error;
    }

    public static async Task NothingWrittenAsync(Azurite azurite)
    {
        var storage = new Storage(azurite.ConnectionString);
        Assert.Empty(await storage.BlobNamesAsync(StorageNames.InboxContainer));
        Assert.Empty(await storage.BlobNamesAsync(StorageNames.ArchiveContainer));
        Assert.Empty(await storage.SubmissionStatesAsync());
        Assert.Empty(await storage.OrchestrationsAsync());
    }
}
