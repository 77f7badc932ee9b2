using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using BetterCare.Infrastructure;
using BetterCare.Pipeline.Ports;
using Microsoft.Extensions.Logging.Abstractions;

namespace BetterCare.SignOff.Tests;

public class SendGridMailerTests
{
    private static readonly MailMessage Message = new(
        "s0123456789abcdef01234567.request-g1",
        [new MailAddress("cfo@nelccg.example", "NELCCG Chief Finance Officer"), new MailAddress("das@nelc.example")],
        "Please sign off the North East Lincolnshire 2017-18-Q2 Better Care Fund return",
        "<p>Pool total: £17,900,000</p>",
        "Pool total: £17,900,000",
        "s0123456789abcdef01234567");

    [Fact]
    public async Task SendsTheV3MailSendRequestWithTheApiKey()
    {
        await using var sendGrid = SendGridStandIn.Start(HttpStatusCode.Accepted);
        var mailer = Mailer(sendGrid);

        var result = await mailer.SendAsync(Message, CancellationToken.None);

        Assert.Equal(MailStatus.Sent, result.Status);
        var request = Assert.Single(sendGrid.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/v3/mail/send", request.Path);
        Assert.Equal("Bearer SG.test-key", request.Authorization);
        using var body = JsonDocument.Parse(request.Body);
        var root = body.RootElement;
        var personalization = Assert.Single(root.GetProperty("personalizations").EnumerateArray());
        Assert.Equal(["cfo@nelccg.example", "das@nelc.example"], personalization.GetProperty("to").EnumerateArray().Select(t => t.GetProperty("email").GetString()));
        Assert.Equal("NELCCG Chief Finance Officer", personalization.GetProperty("to")[0].GetProperty("name").GetString());
        Assert.Equal("returns@bettercare.example", root.GetProperty("from").GetProperty("email").GetString());
        Assert.Equal("Better Care Fund returns", root.GetProperty("from").GetProperty("name").GetString());
        Assert.Equal(Message.Subject, root.GetProperty("subject").GetString());
        var content = root.GetProperty("content").EnumerateArray().ToDictionary(c => c.GetProperty("type").GetString()!, c => c.GetProperty("value").GetString());
        Assert.Equal(Message.Text, content["text/plain"]);
        Assert.Equal(Message.Html, content["text/html"]);
        Assert.Equal(Message.Id, personalization.GetProperty("custom_args").GetProperty("message_id").GetString());
        Assert.Equal(Message.SubmissionId, personalization.GetProperty("custom_args").GetProperty("submission_id").GetString());
    }

    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests)]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    public async Task ThrottlingAndServerErrorsAreTriedAgainWithBackoff(HttpStatusCode transient)
    {
        await using var sendGrid = SendGridStandIn.Start(transient, transient, HttpStatusCode.Accepted);
        var mailer = Mailer(sendGrid);

        var result = await mailer.SendAsync(Message, CancellationToken.None);

        Assert.Equal(MailStatus.Sent, result.Status);
        Assert.Equal(3, sendGrid.Requests.Count);
        var gaps = sendGrid.Requests.Zip(sendGrid.Requests.Skip(1), (a, b) => b.At - a.At).ToList();
        // The waits are 50 ms, then 100 ms (doubling).
        Assert.True(gaps[0] >= TimeSpan.FromMilliseconds(45), $"first wait {gaps[0]}");
        Assert.True(gaps[1] >= TimeSpan.FromMilliseconds(95), $"second wait {gaps[1]}");
    }

    [Fact]
    public async Task ABadRequestFailsAtOnceWithoutRetrying()
    {
        await using var sendGrid = SendGridStandIn.Start(HttpStatusCode.BadRequest);
        var mailer = Mailer(sendGrid);

        var result = await mailer.SendAsync(Message, CancellationToken.None);

        Assert.Equal(MailStatus.Failed, result.Status);
        Assert.Contains("400", result.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("@", result.Detail, StringComparison.Ordinal);
        Assert.Single(sendGrid.Requests);
    }

    [Fact]
    public async Task PersistentServerErrorsEndAsAFailureAfterTheLastTry()
    {
        await using var sendGrid = SendGridStandIn.Start(HttpStatusCode.BadGateway, HttpStatusCode.BadGateway, HttpStatusCode.BadGateway, HttpStatusCode.BadGateway);
        var mailer = Mailer(sendGrid);

        var result = await mailer.SendAsync(Message, CancellationToken.None);

        Assert.Equal(MailStatus.Failed, result.Status);
        Assert.Equal(3, sendGrid.Requests.Count);
    }

    [Fact]
    public async Task MessagesSentTogetherAreOneRequestWithEachMessagesRecipientSubjectIdsAndBodies()
    {
        await using var sendGrid = SendGridStandIn.Start(HttpStatusCode.Accepted);
        var mailer = Mailer(sendGrid);
        var messages = Requests("cfo@nelccg.example", "das@nelc.example", "chair@nelc.example");

        var result = await mailer.SendTogetherAsync(messages, CancellationToken.None);

        Assert.Equal(MailStatus.Sent, result!.Status);
        using var body = JsonDocument.Parse(Assert.Single(sendGrid.Requests).Body);
        var root = body.RootElement;
        var content = root.GetProperty("content").EnumerateArray().ToDictionary(c => c.GetProperty("type").GetString()!, c => c.GetProperty("value").GetString()!);
        var personalizations = root.GetProperty("personalizations").EnumerateArray().ToList();
        Assert.Equal(3, personalizations.Count);
        foreach (var (p, message) in personalizations.Zip(messages))
        {
            // What SendGrid makes of each: the request's content with this personalization's substitutions.
            var substitutions = p.GetProperty("substitutions").EnumerateObject().ToDictionary(x => x.Name, x => x.Value.GetString()!);
            Assert.Equal(message.Text, substitutions[content["text/plain"]]);
            Assert.Equal(message.Html, substitutions[content["text/html"]]);
            Assert.Equal(message.To[0].Address, Assert.Single(p.GetProperty("to").EnumerateArray()).GetProperty("email").GetString());
            Assert.Equal(message.Subject, p.GetProperty("subject").GetString());
            Assert.Equal(message.Id, p.GetProperty("custom_args").GetProperty("message_id").GetString());
        }

        // The tags are new for each request, so a body cannot name them.
        await mailer.SendTogetherAsync(messages, CancellationToken.None);
        using var second = JsonDocument.Parse(sendGrid.Requests.Last().Body);
        Assert.DoesNotContain(second.RootElement.GetProperty("content")[0].GetProperty("value").GetString(), content.Values);
    }

    [Fact]
    public async Task MessagesRefusedTogetherAreLeftToBeSentOneByOne()
    {
        await using var sendGrid = SendGridStandIn.Start(HttpStatusCode.BadRequest);
        var mailer = Mailer(sendGrid);

        var result = await mailer.SendTogetherAsync(Requests("cfo@nelccg.example", "das@nelc.example"), CancellationToken.None);

        Assert.Null(result);
        Assert.Single(sendGrid.Requests);
    }

    [Fact]
    public async Task MessagesThatCannotBeOneRequestAreNotSentTogether()
    {
        await using var sendGrid = SendGridStandIn.Start(HttpStatusCode.Accepted);
        var mailer = Mailer(sendGrid);

        // SendGrid refuses an address that comes twice in a request, and more than 10,000 bytes of substitutions in a personalization.
        var twice = await mailer.SendTogetherAsync(Requests("cfo@nelccg.example", "CFO@nelccg.example"), CancellationToken.None);
        var large = Requests("cfo@nelccg.example", "das@nelc.example");
        var tooLarge = await mailer.SendTogetherAsync([large[0], large[1] with { Html = new string('x', 10_000) }], CancellationToken.None);

        Assert.Null(twice);
        Assert.Null(tooLarge);
        Assert.Empty(sendGrid.Requests);
    }

    [Fact]
    public async Task MessagesTogetherThatKeepMeetingServerErrorsFailAfterTheLastTry()
    {
        await using var sendGrid = SendGridStandIn.Start(HttpStatusCode.ServiceUnavailable);
        var mailer = Mailer(sendGrid);

        var result = await mailer.SendTogetherAsync(Requests("cfo@nelccg.example", "das@nelc.example"), CancellationToken.None);

        Assert.Equal(MailStatus.Failed, result!.Status);
        Assert.Equal(3, sendGrid.Requests.Count);
    }

    private static List<MailMessage> Requests(params string[] addresses) =>
        [.. addresses.Select((a, i) => new MailMessage(
            $"s0123456789abcdef01234567.request-{i}",
            [new MailAddress(a, $"Signatory {i}")],
            $"Please sign off the North East Lincolnshire 2017-18-Q2 Better Care Fund return ({i})",
            $"<p>Dear Signatory {i},</p><p><a href=\"https://returns.example/sign-off/t{i}\">Review and sign off</a></p>",
            $"Dear Signatory {i},\n\nReview and sign off: https://returns.example/sign-off/t{i}",
            "s0123456789abcdef01234567"))];

    private static SendGridMailer Mailer(SendGridStandIn sendGrid) => new(
        new HttpClient(),
        new MailOptions
        {
            SendGridApiKey = "SG.test-key",
            SendGridHost = sendGrid.BaseAddress,
            FromAddress = "returns@bettercare.example",
            FromName = "Better Care Fund returns",
            MaxAttempts = 3,
            RetryDelay = TimeSpan.FromMilliseconds(50),
        },
        NullLogger<SendGridMailer>.Instance);
}

/// <summary>SendGrid's API on a loopback listener: records each request and answers with the next status given.</summary>
internal sealed class SendGridStandIn : IAsyncDisposable
{
    private readonly Queue<HttpStatusCode> _answers;
    private readonly LoopbackListener _listener;

    private SendGridStandIn(IEnumerable<HttpStatusCode> answers)
    {
        _answers = new Queue<HttpStatusCode>(answers);
        _listener = new LoopbackListener(AnswerAsync);
    }

    public string BaseAddress => _listener.BaseAddress;

    public ConcurrentQueue<Recorded> Requests { get; } = new();

    public static SendGridStandIn Start(params HttpStatusCode[] answers) => new(answers);

    public ValueTask DisposeAsync() => _listener.DisposeAsync();

    private async Task AnswerAsync(HttpListenerContext context)
    {
        using var reader = new StreamReader(context.Request.InputStream);
        var body = await reader.ReadToEndAsync();
        Requests.Enqueue(new Recorded(DateTimeOffset.UtcNow, context.Request.HttpMethod, context.Request.Url!.AbsolutePath, context.Request.Headers["Authorization"], body));
        var status = _answers.Count > 1 ? _answers.Dequeue() : _answers.Peek();
        context.Response.StatusCode = (int)status;
        if (status == HttpStatusCode.Accepted)
        {
            context.Response.Headers["X-Message-Id"] = "stand-in-" + Requests.Count;
        }
        else
        {
            var error = """{"errors":[{"message":"The to array is invalid","field":"personalizations.0.to"}]}"""u8.ToArray();
            context.Response.ContentType = "application/json";
            await context.Response.OutputStream.WriteAsync(error);
        }

        context.Response.Close();
    }

    public sealed record Recorded(DateTimeOffset At, string Method, string Path, string? Authorization, string Body);
}
