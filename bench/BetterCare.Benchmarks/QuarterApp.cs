using System.Collections.Concurrent;
using System.Reflection;
using BetterCare.Infrastructure;
using BetterCare.Pipeline.Ports;
using BetterCare.Pipeline.Submissions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BetterCare.Benchmarks;

/// <summary>
/// The app in standalone mode, in this process, on one Azurite, with its own settings but for an
/// administrator's key (one key uploads for every HWB) and warnings-only logging. Its tables are
/// watched, without any storage request of their own, for submissions saved in a final state.
/// </summary>
internal sealed class QuarterApp : WebApplicationFactory<global::Program>
{
    public const string AdminKey = "bench-admin-key";

    private readonly string _connection;
    private readonly string _reference;
    private readonly FinalStates _finals;

    private readonly string _hubName;

    public QuarterApp(string connection, string reference, FinalStates finals, string hubName)
    {
        _hubName = hubName;
        // The app's project folder is its content root, as in the tests; in a benchmark run the
        // factory cannot work it out from the build output, so it is given.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_BETTERCARE_STANDALONE", Paths.Standalone);
        _connection = connection;
        _reference = reference;
        _finals = finals;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("AzureWebJobsStorage", _connection);
        builder.UseSetting("BetterCare:TaskHub:Name", _hubName);
        builder.UseSetting("BetterCare:ReferenceDirectory", _reference);
        builder.UseSetting("BetterCare:ApiKeys:0:Key", AdminKey);
        builder.UseSetting("BetterCare:ApiKeys:0:Name", "Benchmark administrator");
        builder.UseSetting("BetterCare:ApiKeys:0:Role", "Admin");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.ConfigureLogging(logging => logging.AddProvider(EngineWarnings.Product));
        builder.ConfigureTestServices(services => services.AddSingleton(sp =>
            FinalStates.Watch(new AzureReturnTables(sp.GetRequiredService<StorageClients>()), _finals)));
    }
}

/// <summary>The submissions saved in a final state (done, or failed), as the workflow saves them.</summary>
internal sealed class FinalStates
{
    private readonly ConcurrentDictionary<string, SubmissionStatus> _final = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _decided = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _saved = new(0);
    private readonly SemaphoreSlim _decisions = new(0);

    public static IReturnTables Watch(IReturnTables inner, FinalStates finals)
    {
        var proxy = DispatchProxy.Create<IReturnTables, Watcher>();
        ((Watcher)(object)proxy).Attach(inner, finals);
        return proxy;
    }

    public void Clear() => _final.Clear();

    public async Task WaitForAsync(IReadOnlyCollection<string> ids, TimeSpan giveUpAfter)
    {
        var deadline = DateTime.UtcNow + giveUpAfter;
        while (!ids.All(_final.ContainsKey))
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException($"{ids.Count(id => !_final.ContainsKey(id))} of {ids.Count} submissions did not reach a final state.");
            }

            await _saved.WaitAsync(left).ConfigureAwait(false);
        }
    }

    /// <summary>When (a <see cref="System.Diagnostics.Stopwatch"/> timestamp) the submission was first saved Accepted or Rejected.</summary>
    public long DecidedAt(string id) => _decided[id];

    public async Task WaitForDecisionAsync(string id, TimeSpan giveUpAfter)
    {
        var deadline = DateTime.UtcNow + giveUpAfter;
        while (!_decided.ContainsKey(id))
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException($"Submission {id} was not decided.");
            }

            await _decisions.WaitAsync(left).ConfigureAwait(false);
        }
    }

    private void Saved(Submission submission)
    {
        if (submission.Status is SubmissionStatus.Accepted or SubmissionStatus.Rejected && _decided.TryAdd(submission.Id, System.Diagnostics.Stopwatch.GetTimestamp()))
        {
            _decisions.Release();
        }

        // Final: failed, or its steps done and, for an accepted return, its sign-off requested.
        if (submission.IsFinal && (submission.Status != SubmissionStatus.Accepted || submission.HasNoted("requested")))
        {
            _final[submission.Id] = submission.Status;
            _saved.Release();
        }
    }

    /// <summary>Passes every call through (whatever members the interface has); notes each final save.</summary>
    public class Watcher : DispatchProxy
    {
        private IReturnTables _inner = null!;
        private FinalStates _finals = null!;

        public void Attach(IReturnTables inner, FinalStates finals)
        {
            _inner = inner;
            _finals = finals;
        }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            ArgumentNullException.ThrowIfNull(targetMethod);
            object? result;
            try
            {
                result = targetMethod.Invoke(_inner, args);
            }
            catch (TargetInvocationException e) when (e.InnerException is not null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
                throw;
            }

            return targetMethod.Name == nameof(IReturnTables.SaveSubmissionAsync) && result is Task saving && args?[0] is Submission submission
                ? ThenNoteAsync(saving, submission)
                : result;
        }

        private async Task ThenNoteAsync(Task saving, Submission submission)
        {
            await saving.ConfigureAwait(false);
            _finals.Saved(submission);
        }
    }
}
