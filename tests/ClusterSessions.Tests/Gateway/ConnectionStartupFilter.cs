using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace ClusterSessions.Tests.Gateway;

/// <summary>
/// The in-memory test server has no sockets, so it reports no local port and no client address. This stands in for
/// both, so the gateway can be tested as if it listened on a public and an admin port and clients came from addresses.
/// </summary>
internal sealed class ConnectionStartupFilter(Func<HttpContext, int> localPort, Func<HttpContext, IPAddress> remoteAddress) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            context.Connection.LocalPort = localPort(context);
            context.Connection.RemoteIpAddress = remoteAddress(context);
            return nextMiddleware(context);
        });
        next(app);
    };
}
