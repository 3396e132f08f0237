namespace ClusterSessions.WebNode.Page;

/// <summary><c>GET /{strategy}/</c>: a page to feel the strategy in a browser. Self-contained: no external assets.</summary>
internal static class DemoPageEndpoints
{
    private static readonly Lazy<byte[]> Html = new(() =>
    {
        using var stream = typeof(DemoPageEndpoints).Assembly.GetManifestResourceStream("ClusterSessions.WebNode.Page.index.html")
            ?? throw new InvalidOperationException("The demo page is not embedded in the assembly.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    });

    public static IEndpointRouteBuilder MapDemoPage(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/", (HttpContext context) =>
        {
            // Relative API calls need the trailing slash: /local -> /local/.
            if (context.Request.PathBase.HasValue && !context.Request.Path.HasValue)
            {
                return Results.Redirect($"{context.Request.PathBase}/");
            }

            return Results.Bytes(Html.Value, "text/html; charset=utf-8");
        });
        return endpoints;
    }
}
