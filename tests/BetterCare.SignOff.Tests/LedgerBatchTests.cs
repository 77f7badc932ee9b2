using BetterCare.Infrastructure;
using BetterCare.Pipeline.Ports;
using BetterCare.Pipeline.SignOff;
using BetterCare.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace BetterCare.SignOff.Tests;

/// <summary>
/// The sign-off tables written several rows at a time, as the Notify step writes them: one
/// table transaction for the lot when none exists yet, and row by row, keeping what exists,
/// when a step is done again.
/// </summary>
public sealed class LedgerBatchTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2017, 10, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    private Azurite? _azurite;
    private StorageClients? _clients;

    private AzureSignOffStore Store => new(_clients!);

    private StorageRequestCounter Requests => _clients!.Counter;

    public async Task InitializeAsync()
    {
        _azurite = await Azurite.StartAsync();
        _clients = new StorageClients(_azurite.ConnectionString);
        await _clients.EnsureCreatedAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }

    [Fact]
    public async Task FourNoticesAreClaimedInOneRequestAndEachFinishedAsItGoes()
    {
        var keys = new[] { "decision", "request|ccg-1", "request|ccg-2", "request|council" };
        Requests.Reset();
        var claims = await Store.ClaimMailsAsync("sub-1", keys, Now, Lease, CancellationToken.None);
        Assert.Equal(1, Requests.Count);
        Assert.Equal(keys, claims.Select(c => c.Key));
        Assert.All(claims, c => Assert.Equal(MailClaimState.Claimed, c.State));

        // A run that stopped before finishing them left them claimed: the next run takes each over, to send it.
        var second = await Store.ClaimMailsAsync("sub-1", keys, Now.AddMinutes(1), Lease, CancellationToken.None);
        Assert.All(second, c => Assert.Equal(MailClaimState.Claimed, c.State));

        Requests.Reset();
        var results = new[] { MailResult.Sent("202"), MailResult.Failed("no address is configured for it"), MailResult.Sent("202"), MailResult.Sent("202") };
        var finished = new List<MailLedgerEntry>();
        foreach (var (claim, result) in second.Zip(results))
        {
            finished.Add(await Store.FinishMailAsync(claim, result, Now.AddSeconds(1), CancellationToken.None));
        }

        Assert.Equal(4, Requests.Count);
        Assert.Equal([MailClaimState.Sent, MailClaimState.Failed, MailClaimState.Sent, MailClaimState.Sent], finished.Select(f => f.State));

        // Done again later (a redelivered step): each is found finished, with how it ended.
        var again = await Store.ClaimMailsAsync("sub-1", keys, Now.AddHours(1), Lease, CancellationToken.None);
        Assert.Equal([MailClaimState.Sent, MailClaimState.Failed, MailClaimState.Sent, MailClaimState.Sent], again.Select(a => a.State));
        Assert.Equal("no address is configured for it", again[1].Detail);
    }

    [Fact]
    public async Task ANewNoticeAmongOnesClaimedBeforeIsClaimedAndTheOthersKeepTheirState()
    {
        var first = await Store.ClaimMailsAsync("sub-2", ["decision", "request|ccg-1"], Now, Lease, CancellationToken.None);
        await Store.FinishMailAsync(first[0], MailResult.Sent("202"), Now, CancellationToken.None);
        await Store.FinishMailAsync(first[1], MailResult.Sent("202"), Now, CancellationToken.None);

        var claims = await Store.ClaimMailsAsync("sub-2", ["decision", "request|ccg-1", "request|council"], Now.AddMinutes(1), Lease, CancellationToken.None);

        Assert.Equal([MailClaimState.Sent, MailClaimState.Sent, MailClaimState.Claimed], claims.Select(c => c.State));
    }

    [Fact]
    public async Task SignatureRowsAreAddedInOneRequestAndAddingThemAgainKeepsTheirTokens()
    {
        var rows = new[] { Row("sub-3", "ccg-1"), Row("sub-3", "council") };
        Requests.Reset();
        var added = await Store.AddSignaturesAsync(rows, CancellationToken.None);
        Assert.Equal(1, Requests.Count);
        Assert.All(added, r => Assert.NotNull(r.ETag));

        // The step again, with a signatory added to the sheet meanwhile: the new row is added,
        // the others keep the tokens their links were sent with.
        var again = await Store.AddSignaturesAsync([Row("sub-3", "ccg-1"), Row("sub-3", "council"), Row("sub-3", "chair")], CancellationToken.None);
        Assert.Equal(["ccg-1", "council", "chair"], again.Select(r => r.SignatoryKey));
        Assert.Equal(rows[0].TokenNonce, again[0].TokenNonce);
        Assert.Equal(rows[1].TokenNonce, again[1].TokenNonce);
        Assert.Equal(3, (await Store.GetSignaturesAsync("sub-3", CancellationToken.None)).Count);
    }

    [Fact]
    public async Task RequestsForRowsJustAddedGoTogetherWithoutClaimsOrLedgerRowsAndAllGoAgainIfTheCallerStoppedBeforeItsSave()
    {
        var outbox = Directory.CreateTempSubdirectory("ledger-outbox");
        try
        {
            var mail = Dispatcher(outbox);
            var keys = new[] { "request|ccg-1", "request|council", "request|chair" };
            Notice[] Notices(bool neverSent) => [.. keys.Select(k => new Notice(k, id => Message(id, k), neverSent))];

            // Rows this call added: one write to the outbox for the three, no claim, nothing in the ledger (the caller's save records them).
            Requests.Reset();
            var first = await mail.SendOnceAsync("sub-4", Notices(neverSent: true), CancellationToken.None, lastRecordedByCaller: true);
            Assert.Equal(0, Requests.Count);
            Assert.All(first, o => Assert.True(o.SentNow));
            Assert.Equal(["sub-4.request-ccg-1.eml", "sub-4.request-chair.eml", "sub-4.request-council.eml"], Names(outbox).Select(n => n[(n.IndexOf('-', StringComparison.Ordinal) + 1)..]).Order(StringComparer.Ordinal));

            // The caller stopped before its own save: run again, and as nothing recorded them, each goes again (one by one, now claimed).
            Requests.Reset();
            var again = await mail.SendOnceAsync("sub-4", Notices(neverSent: false), CancellationToken.None, lastRecordedByCaller: true);
            Assert.All(again, o => Assert.True(o.SentNow));
            Assert.Equal(3, Requests.Count);
            var files = Names(outbox);
            Assert.Equal(6, files.Count);
            Assert.All(keys, k => Assert.Equal(2, files.Count(f => f.EndsWith($"sub-4.{k.Replace('|', '-')}.eml", StringComparison.Ordinal))));
        }
        finally
        {
            outbox.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task RequestsThatCannotGoTogetherAreSentOneByOneAndAnAddressThatIsNotValidFailsOnlyItsOwn()
    {
        var outbox = Directory.CreateTempSubdirectory("ledger-outbox");
        try
        {
            var mail = Dispatcher(outbox);
            Notice Fresh(string key, string address) => new(key, id => Message(id, key) with { To = [new MailAddress(address)] }, NeverSent: true);

            Requests.Reset();
            var outcomes = await mail.SendOnceAsync("sub-5", [Fresh("request|ccg-1", "not an address"), Fresh("request|council", "das@nelc.example"), Fresh("request|chair", "chair@nelc.example")], CancellationToken.None, lastRecordedByCaller: true);

            Assert.Equal([false, true, true], outcomes.Select(o => o.Sent));
            Assert.Equal("an address is not a valid email address", outcomes[0].Detail);
            Assert.Equal(["sub-5.request-chair.eml", "sub-5.request-council.eml"], Names(outbox).Select(n => n[(n.IndexOf('-', StringComparison.Ordinal) + 1)..]).Order(StringComparer.Ordinal));

            // Each result but the last went to the ledger as it came: a run again finds the failure and the council's request done.
            Assert.Equal(2, Requests.Count);
            var claims = await Store.ClaimMailsAsync("sub-5", ["request|ccg-1", "request|council", "request|chair"], Now, Lease, CancellationToken.None);
            Assert.Equal([MailClaimState.Failed, MailClaimState.Sent, MailClaimState.Claimed], claims.Select(c => c.State));
        }
        finally
        {
            outbox.Delete(recursive: true);
        }
    }

    private MailDispatcher Dispatcher(DirectoryInfo outbox) =>
        new(Store, new OutboxMailer(new MailOptions { OutboxDirectory = outbox.FullName }, TimeProvider.System), TimeProvider.System, new SignOffOptions(), NullLogger<MailDispatcher>.Instance);

    private static List<string> Names(DirectoryInfo outbox) => [.. outbox.GetFiles("*.eml").Select(f => f.Name)];

    private static MailMessage Message(string id, string key) =>
        new(id, [new MailAddress(key[(key.IndexOf('|', StringComparison.Ordinal) + 1)..] + "@nelc.example")], "Please sign off", "<p>Please sign off</p>", "Please sign off", "sub-4");

    private static SignatureRecord Row(string submission, string key) => new(
        submission, key, "NHS North East Lincolnshire CCG", "NHS North East Lincolnshire CCG", "Accountable Officer", "Accountable Officer", $"{key}@nelc.example",
        SignatureStatus.Pending, SignOffTokens.NewNonce(), Now.AddDays(30), false, Now, null, null, null, null);
}
