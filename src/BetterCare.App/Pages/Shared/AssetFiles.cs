using Microsoft.AspNetCore.StaticFiles;

namespace BetterCare.App.Pages.Shared;

/// <summary>
/// <c>GET /assets/{*path}</c>: the NHS.UK frontend's CSS, script and images and the pages' own,
/// copied beside the app at build time (<c>site-assets/</c>). Only files under that folder, by a
/// plain relative path; anything else is a 404.
/// </summary>
public static class AssetFiles
{
    public static readonly string Root = Path.Combine(AppContext.BaseDirectory, "site-assets");

    private static readonly FileExtensionContentTypeProvider Types = new();

    internal static IResult Get(string path)
    {
        if (!IsPlain(path))
        {
            return Results.NotFound();
        }

        var full = Path.GetFullPath(Path.Combine(Root, path));
        if (!full.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal) || !File.Exists(full))
        {
            return Results.NotFound();
        }

        var type = Types.TryGetContentType(full, out var t) ? t : "application/octet-stream";
        return new AssetResult(full, type);
    }

    private static bool IsPlain(string? path) =>
        path is { Length: > 0 and < 256 } p && !p.Contains("..", StringComparison.Ordinal) && !p.Contains('\\', StringComparison.Ordinal) && p[0] != '/' &&
        p.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '.' or '-' or '_');

    private sealed class AssetResult(string file, string contentType) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.ContentType = contentType;
            httpContext.Response.Headers.XContentTypeOptions = "nosniff";
            httpContext.Response.Headers.CacheControl = "public, max-age=3600";
            return httpContext.Response.SendFileAsync(file, httpContext.RequestAborted);
        }
    }
}
