using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace ClusterSessions.ServiceDefaults;

internal sealed class ServedByMiddleware(RequestDelegate next, IOptions<NodeOptions> options)
{
    private readonly string _nodeId = options.Value.Id;

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(static state =>
        {
            var (response, nodeId) = ((HttpResponse, string))state;
            // A proxied response already names the node behind the gateway; keep that one.
            response.Headers.TryAdd(ServedByHeader.Name, nodeId);
            return Task.CompletedTask;
        }, (context.Response, _nodeId));

        return next(context);
    }
}
