using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using BetterCare.Infrastructure;
using BetterCare.Pipeline.Ports;
using BetterCare.Pipeline.Submissions;
using Microsoft.Extensions.DependencyInjection;

namespace BetterCare.Pipeline.Tests;

/// <summary>
/// A resubmission's worker stops after counting the new return but before marking the old one
/// Superseded, and a third return overtakes it before it comes back: the old return must still
/// end Superseded, its sign-off links void, rather than stay Accepted forever with chasers going out.
/// </summary>
public class InterruptedSupersedeTests
{
    [Fact]
    public async Task AReturnLeftAcceptedByAnInterruptedReplacementIsSupersededByTheNextOne()
    {
        await using var azurite = await Azurite.StartAsync();
        var fault = new SupersedeFault();
        await using var app = new PipelineApp(azurite.ConnectionString, fault.Register);
        using var lead = app.Client(PipelineApp.NelKey);
        var storage = new Storage(azurite.ConnectionString);

        var first = await Workbook.UploadedIdAsync(lead, Workbook.Clean(), "first.xlsx");
        Assert.Equal("Accepted", (await Status.FinalAsync(lead, first)).GetProperty("status").GetString());
        Assert.NotEmpty(await SignaturesAsync(storage, first));

        // The second return is counted, then its worker fails to mark the first Superseded.
        fault.Blocked = first;
        var second = await Workbook.UploadedIdAsync(lead, Workbook.CleanWithCouncilForecast(6.6), "second.xlsx");
        await Eventually.Async(() => AcceptedInPeriodAsync(lead), id => id == second, "the second return to be counted");
        Assert.Equal("Accepted", (await Status.GetAsync(lead, first)).GetProperty("status").GetString());

        // A third overtakes the second before its step comes back.
        var third = await Workbook.UploadedIdAsync(lead, Workbook.CleanWithCouncilForecast(6.7), "third.xlsx");
        fault.AllowedBy = third;

        var thirdStatus = await Status.FinalAsync(lead, third);
        Assert.Equal("Accepted", thirdStatus.GetProperty("status").GetString());
        var firstStatus = await Eventually.Async(() => Status.GetAsync(lead, first), s => s.GetProperty("status").GetString() == "Superseded", "the first return to be superseded");
        Assert.Equal(third, firstStatus.GetProperty("supersededBy").GetString());
        var secondStatus = await Eventually.Async(() => Status.GetAsync(lead, second), s => s.GetProperty("step").GetString() == "Done", "the second return to finish");
        Assert.Equal("Superseded", secondStatus.GetProperty("status").GetString());
        Assert.Equal(third, await AcceptedInPeriodAsync(lead));

        // The first return's links stop working and its chasers stop: its own sign-off voids them.
        await Eventually.Async(() => SignaturesAsync(storage, first), rows => rows.All(r => r.GetString("Status") == "Void"), "the first return's signatures to be void");
    }

    private static async Task<string?> AcceptedInPeriodAsync(HttpClient client)
    {
        using var response = await client.GetAsync(new Uri("/api/periods/2017-18-Q2/returns", UriKind.Relative));
        var row = Assert.Single((await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray());
        return row.GetProperty("acceptedSubmissionId").GetString();
    }

    private static async Task<List<TableEntity>> SignaturesAsync(Storage storage, string submissionId)
    {
        var rows = new List<TableEntity>();
        await foreach (var e in storage.Clients.Tables.GetTableClient(StorageNames.SignaturesTable).QueryAsync<TableEntity>(e => e.PartitionKey == submissionId))
        {
            rows.Add(e);
        }

        return rows;
    }

    /// <summary>
    /// The tables with one fault: marking <see cref="Blocked"/> Superseded fails (as if the worker
    /// stopped there) unless the submission replacing it is <see cref="AllowedBy"/>.
    /// </summary>
    private sealed class SupersedeFault
    {
        private volatile string? _blocked;
        private volatile string? _allowedBy;

        public string? Blocked
        {
            get => _blocked;
            set => _blocked = value;
        }

        public string? AllowedBy
        {
            get => _allowedBy;
            set => _allowedBy = value;
        }

        public void Register(IServiceCollection services)
        {
            services.AddSingleton<IReturnTables>(sp => new Tables(new AzureReturnTables(sp.GetRequiredService<StorageClients>()), this));

            // The interrupted step keeps being retried (well over a minute in all) until the third return overtakes it, however busy the machine.
            services.AddSingleton(new Workflow.PipelineOptions { MaxAttempts = 12, FirstRetryInterval = TimeSpan.FromMilliseconds(200) });
        }

        private bool Fails(Submission s) =>
            s.Id == Blocked && s.Status == SubmissionStatus.Superseded && s.SupersededBy != AllowedBy;

        private sealed class Tables(IReturnTables inner, SupersedeFault fault) : ForwardingTables(inner)
        {
            public override Task SaveSubmissionAsync(Submission submission, CancellationToken cancellationToken) =>
                fault.Fails(submission) ? throw new IOException("the worker stopped here (test fault)") : base.SaveSubmissionAsync(submission, cancellationToken);
        }
    }
}
