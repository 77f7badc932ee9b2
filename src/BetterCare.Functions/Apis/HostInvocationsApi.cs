using BetterCare.Functions.Functions;
using BetterCare.Functions.Triggers;
using BetterCare.Pipeline.Ports;
using BetterCare.Pipeline.Workflow;

namespace BetterCare.Functions.Apis;

/// <summary>
/// The Functions host's calls for non-HTTP functions: <c>POST /{FunctionName}</c> with the host's
/// payload, answered with <c>{"Outputs", "Logs", "ReturnValue"}</c>; a non-2xx status makes the
/// host retry. Each function of
/// <see cref="FunctionCatalog"/> has exactly one handler here.
/// </summary>
public static class HostInvocationsApi
{
    /// <summary>The host reads "Outputs", "Logs" and "ReturnValue" by exactly those names.</summary>
    private static readonly System.Text.Json.JsonSerializerOptions HostJson = new() { PropertyNamingPolicy = null };

    public sealed record HostResponse(IReadOnlyDictionary<string, object?> Outputs, IReadOnlyList<string> Logs, object? ReturnValue);

    /// <summary>The handlers by function name: the non-HTTP functions of the catalog.</summary>
    public static IReadOnlyDictionary<string, Func<HostPayload, IServiceProvider, CancellationToken, Task<IResult>>> Handlers { get; } =
        new Dictionary<string, Func<HostPayload, IServiceProvider, CancellationToken, Task<IResult>>>(StringComparer.OrdinalIgnoreCase)
        {
            [FunctionCatalog.InboxBlob] = InboxBlobAsync,
            [FunctionCatalog.InboxSweep] = (p, sp, ct) => TimerAsync(FunctionCatalog.InboxSweep, p, sp, ct),
            [FunctionCatalog.SignOffTimers] = (p, sp, ct) => TimerAsync(FunctionCatalog.SignOffTimers, p, sp, ct),
            [FunctionCatalog.Rollup] = (p, sp, ct) => TimerAsync(FunctionCatalog.Rollup, p, sp, ct),
        };

    public static IEndpointRouteBuilder MapHostInvocations(this IEndpointRouteBuilder app)
    {
        app.MapPost("/{functionName}", InvokeAsync).DisableAntiforgery();
        return app;
    }

    private static async Task<IResult> InvokeAsync(string functionName, HttpRequest request, IServiceProvider services, CancellationToken ct)
    {
        if (!Handlers.TryGetValue(functionName, out var handler))
        {
            return ApiErrors.NotFound($"Function '{functionName}'");
        }

        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync(ct).ConfigureAwait(false);
        if (HostPayload.TryParse(body, out var problem) is not { } payload)
        {
            return ApiErrors.Of(StatusCodes.Status400BadRequest, $"{functionName}: {problem}.");
        }

        return await handler(payload, services, ct).ConfigureAwait(false);
    }

    private static async Task<IResult> InboxBlobAsync(HostPayload payload, IServiceProvider services, CancellationToken ct)
    {
        // The path token {name} of "returns-inbox/{name}"; else the blob's path after the container.
        var name = payload.Metadata("name");
        if (name is null && payload.Metadata("BlobTrigger")?.Split('/', 2) is [_, var path])
        {
            name = path;
        }

        if (string.IsNullOrWhiteSpace(name) || payload.Data("blob") is null)
        {
            return ApiErrors.Of(StatusCodes.Status400BadRequest, "InboxBlob: the payload names no blob (Metadata.name) or carries no Data.blob.");
        }

        var etag = HostPayload.Property(payload.MetadataObject("Properties"), "ETag");
        var blobs = services.GetRequiredService<IReturnBlobs>();
        var blob = etag is null
            ? (await blobs.ListInboxAsync(ct).ConfigureAwait(false)).FirstOrDefault(b => b.Name == name)
            : new InboxBlob(name, etag, DateTimeOffset.MinValue, 0, null);
        if (blob is null)
        {
            return Ok($"inbox blob {name} is gone; nothing to start");
        }

        await services.GetRequiredService<InboxTrigger>().HandleAsync(blob, ct).ConfigureAwait(false);
        return Ok($"inbox blob {name} has its workflow");
    }

    private static async Task<IResult> TimerAsync(string name, HostPayload payload, IServiceProvider services, CancellationToken ct)
    {
        if (payload.Data("timer") is null)
        {
            return ApiErrors.Of(StatusCodes.Status400BadRequest, $"{name}: Data.timer is missing.");
        }

        var outcome = await services.GetRequiredService<TimerFunctions>().RunAsync(name, ct).ConfigureAwait(false);
        return Ok(outcome);
    }

    private static IResult Ok(string log) => Results.Json(new HostResponse(new Dictionary<string, object?>(), [log], null), HostJson);
}
