using System.CommandLine;
using System.Text.Json;

namespace BetterCare.Cli;

/// <summary><c>bcf rollup PERIOD --api URL --key KEY</c>: an administrator runs the county and region roll-up for a period now.</summary>
internal static class RollupCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var period = new Argument<string>("PERIOD") { Description = "The period, e.g. 2017-18-Q2" };
        var api = ServiceClient.ApiOption();
        var key = ServiceClient.KeyOption();
        var command = new Command("rollup", "Roll every county and region up for a period (administrators).") { period, api, key };
        command.SetAction((parse, ct) => RunAsync(parse.GetValue(period)!, new Uri(parse.GetValue(api)!), parse.GetValue(key)!, stdout, stderr, ct));
        return command;
    }

    private static async Task<int> RunAsync(string period, Uri api, string key, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        using var http = ServiceClient.Create(api, key, TimeSpan.FromMinutes(5), stderr);
        if (http is null)
        {
            return BcfCommand.UsageError;
        }

        try
        {
            using var response = await http.PostAsync(new Uri($"/api/rollups/{Uri.EscapeDataString(period)}", UriKind.Relative), null, ct).ConfigureAwait(false);
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false));
            if (!response.IsSuccessStatusCode)
            {
                stderr.WriteLine($"bcf: roll-up refused ({(int)response.StatusCode}): {ServiceClient.ErrorOf(response, body)}");
                return (int)response.StatusCode is 400 ? BcfCommand.UsageError : BcfCommand.HasErrors;
            }

            var root = body.RootElement;
            stdout.WriteLine($"Rolled up {root.GetProperty("period").GetString()}; {root.GetProperty("emailsSent").GetInt32()} regional summary email(s) sent.");
            foreach (var row in root.GetProperty("rows").EnumerateArray())
            {
                stdout.WriteLine(
                    $"  {row.GetProperty("kind").GetString(),-7} {row.GetProperty("name").GetString(),-26} " +
                    $"{row.GetProperty("accepted").GetInt32()} of {row.GetProperty("hwbs").GetInt32()} accepted, " +
                    $"pool £{row.GetProperty("totals").GetProperty("pool").GetDecimal():#,0.00}  {new Uri(api, row.GetProperty("report").GetString())}");
            }

            return BcfCommand.Ok;
        }
        catch (HttpRequestException e)
        {
            stderr.WriteLine($"bcf: cannot reach {api}: {e.Message}");
            return BcfCommand.HasErrors;
        }
    }
}
