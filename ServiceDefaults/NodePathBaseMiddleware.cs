using Microsoft.AspNetCore.Builder.Extensions;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace ClusterSessions.ServiceDefaults;

/// <summary>
/// Applies <c>Node:PathBase</c>. Resolved when the pipeline is built (after options validation), so a bad
/// value is reported as a configuration error rather than thrown while wiring the app.
/// </summary>
internal sealed class NodePathBaseMiddleware(RequestDelegate next, IOptions<NodeOptions> options)
{
    private readonly RequestDelegate _pipeline = options.Value.PathBase is { Length: > 0 } pathBase
        ? new UsePathBaseMiddleware(next, pathBase).Invoke
        : next;

    public Task InvokeAsync(HttpContext context) => _pipeline(context);
}
