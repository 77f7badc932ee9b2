using BetterCare.App.Auth;

namespace BetterCare.App;

/// <summary>The app's own settings (section <c>BetterCare</c>); storage comes from <c>AzureWebJobsStorage</c>.</summary>
public sealed class BetterCareSettings
{
    public const string Section = "BetterCare";

    /// <summary>Folder of the reference CSVs (areas, partners, minimum contributions).</summary>
    public string ReferenceDirectory { get; set; } = "samples/reference";

    public List<ApiKeySetting> ApiKeys { get; set; } = [];

    /// <summary>People signed in through App Service Authentication, mapped by principal name to a role and scope.</summary>
    public List<PrincipalSetting> Principals { get; set; } = [];

    /// <summary>Whether to believe X-MS-CLIENT-PRINCIPAL; by default only behind App Service Authentication (WEBSITE_AUTH_ENABLED).</summary>
    public bool? TrustClientPrincipal { get; set; }

    /// <summary>
    /// Standalone mode: how often the inbox is polled (the blob trigger's stand-in). An upload
    /// through the API starts its workflow itself, so the poll only finds files put in the
    /// container another way, or left by a stop: five seconds keeps an idle app's requests low.
    /// </summary>
    public TimeSpan InboxPollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Where the pages may load the NHS's Frutiger font from (the NHS.UK frontend's CSS asks for it
    /// there); empty for nowhere, when the fallback (Arial) shows. The only origin besides the site's own.
    /// </summary>
    public string FontOrigin { get; set; } = "https://assets.nhs.uk";

    /// <summary>NCRONTAB schedules (six fields, UTC) of the timer functions, by function name.</summary>
    public Dictionary<string, string> Schedules { get; set; } = [];

    /// <summary>Where people reach the app: the start of every link in an email.</summary>
    public string PublicBaseUrl { get; set; } = "http://127.0.0.1:7071";

    /// <summary>Regional Better Care managers' addresses by region (as areas.csv names it), separated by ';'.</summary>
    public Dictionary<string, string> RegionalManagers { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}
