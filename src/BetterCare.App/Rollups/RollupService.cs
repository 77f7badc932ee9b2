using System.Globalization;
using BetterCare.App.Exports;
using BetterCare.Pipeline.Aggregates;
using BetterCare.Pipeline.Ports;
using BetterCare.Pipeline.SignOff;
using BetterCare.Pipeline.Submissions;
using BetterCare.Returns.Model;
using BetterCare.Returns.Reference;

namespace BetterCare.App.Rollups;

/// <summary>What a roll-up run did for a period; <see cref="EmailsSent"/> counts the summaries this run sent.</summary>
public sealed record RollupOutcome(string Period, IReadOnlyList<RollupRow> Rows, int EmailsSent);

/// <summary>
/// Rolls every county and region up for a period: their totals into the roll-up table, a
/// workbook each under <c>reports/{period}/</c>, and a summary with the links to each regional
/// manager. Running it again for the same period writes the same rows and the same files (and
/// sends a manager's summary at most once a day).
/// </summary>
public sealed class RollupService : IPeriodRollup
{
    private readonly AggregateService _aggregates;
    private readonly IRollupStore _store;
    private readonly ReferenceData _reference;
    private readonly IContactDirectory _contacts;
    private readonly MailDispatcher _mail;
    private readonly SignOffOptions _options;
    private readonly SignOffCalendar _calendar;
    private readonly TimeProvider _clock;

    public RollupService(
        AggregateService aggregates, IRollupStore store, ReferenceData reference, IContactDirectory contacts, MailDispatcher mail, SignOffOptions options, SignOffCalendar calendar, TimeProvider clock)
    {
        _calendar = calendar;
        _aggregates = aggregates;
        _store = store;
        _reference = reference;
        _contacts = contacts;
        _mail = mail;
        _options = options;
        _clock = clock;
    }

    /// <summary>The scopes rolled up: every county and every region of the reference areas.</summary>
    public IReadOnlyList<Scope> Scopes =>
    [
        .. _reference.Areas.Select(a => a.County).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(Scope.County),
        .. _reference.Areas.Select(a => a.Region).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(Scope.Region),
    ];

    /// <summary>The county or region whose roll-up writes <c>{period}/{file}</c>; null when no roll-up writes such a file.</summary>
    public Scope? ReportScope(string period, string file) =>
        Returns.Model.ReturnPeriod.TryParse(period, out _) ? Scopes.FirstOrDefault(s => ReportPath(period, s) == $"{period}/{file}") : null;

    public static string ReportPath(string period, Scope scope) => $"{period}/{Kind(scope)}-{Slug(scope.Name)}.xlsx";

    public IReadOnlyList<string> ScopeKeys => [.. Scopes.Select(s => $"{Kind(s)}|{s.Name}")];

    /// <summary>The whole roll-up in one go (the roll-up-now request): every scope, then the summaries.</summary>
    public async Task<RollupOutcome> RunAsync(ReturnPeriod period, CancellationToken ct)
    {
        foreach (var scope in Scopes)
        {
            await RollUpAsync(period, scope, ct).ConfigureAwait(false);
        }

        var sent = await SummariseAsync(period.ToString(), ct).ConfigureAwait(false);
        return new RollupOutcome(period.ToString(), await RowsAsync(period.ToString(), ct).ConfigureAwait(false), sent);
    }

    public Task RollUpScopeAsync(string period, string scopeKey, CancellationToken cancellationToken)
    {
        var scope = Scopes.FirstOrDefault(s => $"{Kind(s)}|{s.Name}" == scopeKey) ?? throw new ArgumentException($"No roll-up scope '{scopeKey}'.", nameof(scopeKey));
        return ReturnPeriod.TryParse(period, out var parsed)
            ? RollUpAsync(parsed, scope, cancellationToken)
            : throw new ArgumentException($"'{period}' is not a period such as 2017-18-Q2.", nameof(period));
    }

    private async Task RollUpAsync(ReturnPeriod period, Scope scope, CancellationToken ct)
    {
        var aggregate = await _aggregates.ForScopeAsync(period, scope, ct).ConfigureAwait(false);
        var path = ReportPath(period.ToString(), scope);
        await _store.PutReportAsync(path, ExcelExport.Write(AggregateTables.All(aggregate)), ExcelExport.ContentType, ct).ConfigureAwait(false);
        await _store.SaveAsync(
            period.ToString(),
            [new RollupRow(period.ToString(), Kind(scope), scope.Name!, scope.Expected(_reference).Count(), aggregate.Hwbs.Count(h => h.Figures is not null),
                aggregate.WithoutAcceptedReturn, aggregate.Totals, aggregate.Spend, path)],
            ct).ConfigureAwait(false);
    }

    /// <summary>The rows of the scopes rolled up, in scope order.</summary>
    private async Task<IReadOnlyList<RollupRow>> RowsAsync(string period, CancellationToken ct)
    {
        var order = ScopeKeys.Select((k, i) => (k, i)).ToDictionary(x => x.k, x => x.i, StringComparer.Ordinal);
        return [.. (await _store.ListAsync(period, ct).ConfigureAwait(false)).Where(r => order.ContainsKey($"{r.Kind}|{r.Name}")).OrderBy(r => order[$"{r.Kind}|{r.Name}"])];
    }

    public async Task<int> SummariseAsync(string period, CancellationToken cancellationToken)
    {
        var rows = await RowsAsync(period, cancellationToken).ConfigureAwait(false);
        var today = _calendar.DayOf(_clock.GetUtcNow()).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var sent = 0;
        foreach (var regionRow in rows.Where(r => r.Kind == "region"))
        {
            var managers = _contacts.RegionalManagers(regionRow.Name);
            if (managers.Count == 0)
            {
                continue;
            }

            var outcome = await _mail.SendOnceAsync("rollup", $"{period}|{regionRow.Name}|{today}", id => Summary(id, managers, period, regionRow, rows), cancellationToken).ConfigureAwait(false);
            sent += outcome.SentNow ? 1 : 0;
        }

        return sent;
    }

    private MailMessage Summary(string id, IReadOnlyList<MailAddress> to, string period, RollupRow regionRow, IReadOnlyList<RollupRow> rows)
    {
        var name = regionRow.Name;
        var counties = rows.Where(r => r.Kind == "county" && _reference.Areas.Any(a => a.County == r.Name && a.Region == name)).ToList();
        var body = new MailBody()
            .Paragraph($"The Better Care Fund roll-up for {name}, {period}: {regionRow.Accepted} of {regionRow.Hwbs} HWBs have an accepted return.")
            .Facts(
            [
                ("Pooled budget", Pounds(regionRow.Totals.Pool)),
                ("Minimum contributions", Pounds(regionRow.Totals.Minimum)),
                ("Additional contributions", Pounds(regionRow.Totals.Additional)),
                ("Actual to date", Pounds(regionRow.Totals.ActualToDate)),
                ("Forecast outturn", Pounds(regionRow.Totals.Forecast)),
                ("No accepted return yet", regionRow.WithoutAcceptedReturn.Count == 0 ? "none" : string.Join(", ", regionRow.WithoutAcceptedReturn.Select(c => $"{_reference.Area(c)?.HwbName ?? c} ({c})"))),
            ])
            .Table(["County", "Accepted", "Pooled budget", "Forecast outturn"], counties.Select(c => (IReadOnlyList<string>)[c.Name, $"{c.Accepted} of {c.Hwbs}", Pounds(c.Totals.Pool), Pounds(c.Totals.Forecast)]))
            .Link($"The {name} dashboard", $"{_options.PublicBaseUrl.TrimEnd('/')}/periods/{period}/dashboard?region={Uri.EscapeDataString(name)}")
            .Link($"The {name} workbook", Link(regionRow.ReportPath));
        foreach (var county in counties)
        {
            body.Link($"The {county.Name} workbook", Link(county.ReportPath));
        }

        var (html, text) = body.Build($"Better Care Fund roll-up: {name}, {period}");
        return new MailMessage(id, to, $"Better Care Fund roll-up: {name}, {period}", html, text, null);
    }

    private string Link(string reportPath) => $"{_options.PublicBaseUrl.TrimEnd('/')}/reports/{reportPath}";

    private static string Pounds(long pence) => new Returns.Currency.Money(pence).ToString();

    private static string Kind(Scope scope) => scope.Kind == ScopeKind.County ? "county" : "region";

    /// <summary>A name as a file name: lower case, runs of anything but letters and digits as one hyphen.</summary>
    public static string Slug(string? name)
    {
        var words = new List<string>();
        var word = new System.Text.StringBuilder();
        foreach (var c in (name ?? string.Empty).ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                word.Append(c);
            }
            else if (word.Length > 0)
            {
                words.Add(word.ToString());
                word.Clear();
            }
        }

        if (word.Length > 0)
        {
            words.Add(word.ToString());
        }

        return string.Join('-', words);
    }
}
