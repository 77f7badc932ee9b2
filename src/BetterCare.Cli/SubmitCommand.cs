using System.CommandLine;
using System.Net.Http.Headers;
using System.Text.Json;

namespace BetterCare.Cli;

/// <summary>
/// <c>bcf submit FILE... --api URL --key KEY [--wait]</c>: uploads returns to the service and
/// prints each one's status URL; with --wait, follows each until the pipeline has finished with it.
/// </summary>
internal static class SubmitCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var files = new Argument<FileInfo[]>("FILE") { Arity = ArgumentArity.OneOrMore, Description = "Workbooks to upload" };
        var api = ServiceClient.ApiOption();
        var key = ServiceClient.KeyOption();
        var wait = new Option<bool>("--wait") { Description = "Wait until each submission is accepted, rejected or failed" };
        var command = new Command("submit", "Upload quarterly returns to the BetterCare Returns service.") { files, api, key, wait };
        command.SetAction((parse, ct) => RunAsync(parse.GetValue(files)!, new Uri(parse.GetValue(api)!), parse.GetValue(key)!, parse.GetValue(wait), stdout, stderr, ct));
        return command;
    }

    private static async Task<int> RunAsync(FileInfo[] files, Uri api, string key, bool wait, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        using var http = ServiceClient.Create(api, key, TimeSpan.FromSeconds(100), stderr);
        if (http is null)
        {
            return BcfCommand.UsageError;
        }

        var worst = BcfCommand.Ok;
        foreach (var file in files)
        {
            if (!file.Exists)
            {
                stderr.WriteLine($"bcf: {file} does not exist.");
                worst = BcfCommand.HasErrors;
                continue;
            }

            try
            {
                var outcome = await SubmitAsync(http, file, wait, stdout, ct).ConfigureAwait(false);
                worst = Math.Max(worst, outcome);
            }
            catch (HttpRequestException e)
            {
                stderr.WriteLine($"bcf: cannot reach {api}: {e.Message}");
                return BcfCommand.HasErrors;
            }
        }

        return worst;
    }

    private static async Task<int> SubmitAsync(HttpClient http, FileInfo file, bool wait, TextWriter stdout, CancellationToken ct)
    {
        using var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(await File.ReadAllBytesAsync(file.FullName, ct).ConfigureAwait(false));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(content, "file", file.Name);
        using var response = await http.PostAsync(new Uri("/api/returns", UriKind.Relative), form, ct).ConfigureAwait(false);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false));
        if (!response.IsSuccessStatusCode)
        {
            stdout.WriteLine($"{file.Name}: refused ({(int)response.StatusCode}): {ServiceClient.ErrorOf(response, body)}");
            return BcfCommand.HasErrors;
        }

        var id = body.RootElement.GetProperty("submissionId").GetString()!;
        var url = new Uri(http.BaseAddress!, body.RootElement.GetProperty("statusUrl").GetString());
        if (!wait)
        {
            stdout.WriteLine($"{file.Name}: {body.RootElement.GetProperty("status").GetString()} as {id}; status at {url}");
            return BcfCommand.Ok;
        }

        var deadline = DateTimeOffset.UtcNow.AddMinutes(5);
        while (true)
        {
            using var status = await http.GetAsync(url, ct).ConfigureAwait(false);
            using var json = JsonDocument.Parse(await status.Content.ReadAsStringAsync(ct).ConfigureAwait(false));
            var root = json.RootElement;
            var state = root.GetProperty("status").GetString();
            if (root.GetProperty("step").GetString() == "Done" || state == "Failed" || DateTimeOffset.UtcNow > deadline)
            {
                stdout.WriteLine($"{file.Name}: {state} — {root.GetProperty("errors").GetInt32()} error(s), {root.GetProperty("warnings").GetInt32()} warning(s); status at {url}");
                return state == "Accepted" ? BcfCommand.Ok : BcfCommand.HasErrors;
            }

            await Task.Delay(250, ct).ConfigureAwait(false);
        }
    }
}
