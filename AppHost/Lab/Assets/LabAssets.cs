using System.Reflection;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;

namespace ClusterSessions.AppHost.Lab.Assets;

/// <summary>
/// Serves the lab page (Lab/wwwroot, embedded in this assembly as <c>lab/…</c>): no files on disk to find, no
/// CDN, works offline. Each file gets its own endpoint, so an unknown path is a plain 404.
/// </summary>
internal static class LabAssets
{
    public const string ResourcePrefix = "lab/";

    /// <summary>
    /// Only this origin's scripts, styles and connections: nothing external can load, and injected markup cannot
    /// run. (Styles set from script through the CSSOM are allowed; <c>style</c> attributes in markup are not.)
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; " +
        "frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".svg"] = "image/svg+xml",
    };

    public static IReadOnlyList<LabAsset> Load(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var assets = new List<LabAsset>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            var content = buffer.ToArray();
            var path = "/" + name[ResourcePrefix.Length..].Replace('\\', '/');
            var contentType = ContentTypes.GetValueOrDefault(Path.GetExtension(path), "application/octet-stream");
            assets.Add(new LabAsset(path, contentType, content, $"\"{Convert.ToHexStringLower(SHA256.HashData(content))[..16]}\""));
        }

        return assets;
    }

    public static IEndpointRouteBuilder MapLabAssets(this IEndpointRouteBuilder endpoints)
    {
        foreach (var asset in Load(typeof(LabAssets).Assembly))
        {
            endpoints.MapGet(asset.Path, (HttpContext context) => Serve(context, asset));
            if (asset.Path == "/index.html")
            {
                endpoints.MapGet("/", (HttpContext context) => Serve(context, asset));
            }
        }

        return endpoints;
    }

    private static IResult Serve(HttpContext context, LabAsset asset)
    {
        var headers = context.Response.Headers;
        headers[HeaderNames.ETag] = asset.ETag;
        // Always revalidate: a rebuilt AppHost serves the new page at the next reload.
        headers[HeaderNames.CacheControl] = "no-cache";
        headers[HeaderNames.XContentTypeOptions] = "nosniff";
        headers[HeaderNames.ContentSecurityPolicy] = ContentSecurityPolicy;
        headers["Referrer-Policy"] = "no-referrer";
        if (context.Request.Headers.IfNoneMatch.ToString() == asset.ETag)
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        return Results.Bytes(asset.Content, asset.ContentType);
    }
}
