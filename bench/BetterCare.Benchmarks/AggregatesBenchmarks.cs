using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using BetterCare.App.Apis;
using BetterCare.Fixtures.Seeds;
using BetterCare.Infrastructure;
using BetterCare.Pipeline.Aggregates;
using BetterCare.Pipeline.Periods;
using BetterCare.Pipeline.Submissions;
using BetterCare.Returns.Aggregation;
using BetterCare.Returns.Model;
using BetterCare.Returns.Reference;
using BetterCare.Returns.Validation;
using BetterCare.Testing;
using BetterCare.Workbooks;

namespace BetterCare.Benchmarks;

/// <summary>
/// The aggregates call over a 153-HWB period (the national scope: every row of the period's
/// partition, added up and rendered as the API's JSON) against the bare table query that reads
/// the same partition, both against the same Azurite, in-process.
/// </summary>
[Config(typeof(AggregatesConfig))]
[MemoryDiagnoser]
public class AggregatesBenchmarks
{
    private const int Hwbs = 153;
    private static readonly ReturnPeriod Period = new(new FinancialYear(2017), new Quarter(2));
    private static readonly string[] Regions = ["East of England", "London", "Midlands", "North East and Yorkshire", "North West", "South East", "South West"];

    private TableClient _table = null!;
    private AggregateService _aggregates = null!;
    private string _filter = null!;

    [GlobalSetup]
    public void Setup()
    {
        var azurite = Azurite.StartAsync().GetAwaiter().GetResult();
        var clients = new StorageClients(azurite.ConnectionString);
        clients.EnsureCreatedAsync(CancellationToken.None).GetAwaiter().GetResult();
        var tables = new AzureReturnTables(clients);
        var reference = ReferenceData.Load(Paths.Reference);

        var parsed = new ReturnValidator(reference).Check(new MemoryStream(WorkbookWriter.ToBytes(ReturnWorkbook.Build(NorthEastLincolnshire.Q2_2017_18()))), "nel.xlsx").Return!;
        var figures = ReturnFigures.From(Aggregator.Aggregate(parsed));
        for (var i = 0; i < Hwbs; i++)
        {
            var code = "E06" + (100_000 + i).ToString(CultureInfo.InvariantCulture);
            var id = SubmissionId.For(code, "bench");
            var row = new PeriodReturn(Period.ToString(), code, $"HWB {i}", Regions[i % Regions.Length], $"County {i / 3}", id, SubmissionStatus.Accepted, DateTimeOffset.UnixEpoch, id, DateTimeOffset.UnixEpoch, [], figures, null);
            var lines = figures.Partners.Select(p => new ContributionLine(Period.ToString(), p.Key + i.ToString(CultureInfo.InvariantCulture), p.Name, p.Kind, code, p.Figures)).ToList();
            tables.SavePeriodReturnAsync(row, lines, [], CancellationToken.None).GetAwaiter().GetResult();
        }

        _table = clients.Tables.GetTableClient(StorageNames.TotalsTable);
        _filter = TableClient.CreateQueryFilter($"PartitionKey eq {Period.ToString()} and RowKey ge {"hwb|"} and RowKey lt {"hwb}"}");
        _aggregates = new AggregateService(tables, reference);
    }

    [Benchmark(Baseline = true, Description = "bare table query, 153 HWB rows")]
    public async Task<int> BareQuery()
    {
        var n = 0;
        await foreach (var entity in _table.QueryAsync<TableEntity>(_filter))
        {
            n += entity.Count;
        }

        return n;
    }

    [Benchmark(Description = "aggregates call, national, as JSON")]
    public async Task<int> AggregatesCall()
    {
        var aggregate = await _aggregates.ForScopeAsync(Period, Scope.National, CancellationToken.None);
        return JsonSerializer.SerializeToUtf8Bytes(AggregateView.From(aggregate), JsonSerializerOptions.Web).Length;
    }

    private sealed class AggregatesConfig : ManualConfig
    {
        public AggregatesConfig()
        {
            Add(DefaultConfig.Instance);
            UnionRule = ConfigUnionRule.AlwaysUseLocal;
            AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithWarmupCount(3).WithIterationCount(15).WithId("Aggregates"));
        }
    }
}
