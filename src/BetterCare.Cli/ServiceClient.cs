using System.CommandLine;
using System.Text.Json;

namespace BetterCare.Cli;

/// <summary>What the commands that talk to the service share: the --api and --key options, the client, and reading an error answer.</summary>
internal static class ServiceClient
{
    public static Option<string> ApiOption()
    {
        var option = new Option<string>("--api")
        {
            Description = "The service's address (default http://127.0.0.1:7071)",
            DefaultValueFactory = _ => "http://127.0.0.1:7071",
        };
        option.Validators.Add(result =>
        {
            var text = result.GetValueOrDefault<string>();
            if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                result.AddError($"--api '{text}' is not an http(s) address such as http://127.0.0.1:7071.");
            }
        });
        return option;
    }

    public static Option<string> KeyOption() => new("--key")
    {
        Description = "Your API key (default: the BCF_API_KEY environment variable)",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("BCF_API_KEY") ?? string.Empty,
    };

    /// <summary>A client for the service with the caller's key; null (after saying why) when no key was given.</summary>
    public static HttpClient? Create(Uri api, string key, TimeSpan timeout, TextWriter stderr)
    {
        if (string.IsNullOrWhiteSpace(key))
        {
            stderr.WriteLine("bcf: an API key is needed: --key KEY or BCF_API_KEY.");
            return null;
        }

        var http = new HttpClient { BaseAddress = api, Timeout = timeout };
        http.DefaultRequestHeaders.Add("X-Api-Key", key);
        return http;
    }

    /// <summary>The service's <c>{"error": "..."}</c>, else the status's reason.</summary>
    public static string? ErrorOf(HttpResponseMessage response, JsonDocument body) =>
        body.RootElement.ValueKind == JsonValueKind.Object && body.RootElement.TryGetProperty("error", out var e) ? e.GetString() : response.ReasonPhrase;
}
