using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace ClusterSessions.Tests.Gateway;

/// <summary>
/// The in-memory test server has no listening sockets, so it reports no local port. This stands in for the port the
/// request arrived on, so the gateway can be tested as if it listened on a public and an admin port.
/// </summary>
internal sealed class LocalPortStartupFilter(Func<HttpContext, int> localPort) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            context.Connection.LocalPort = localPort(context);
            return nextMiddleware(context);
        });
        next(app);
    };
}
