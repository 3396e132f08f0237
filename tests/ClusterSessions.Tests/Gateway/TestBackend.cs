using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Logging;

namespace ClusterSessions.Tests.Gateway;

/// <summary>
/// A node stand-in on a real Kestrel socket (127.0.0.1, a free port): the gateway's forwarder reaches it over TCP, so
/// an aborted connection or a refused one is the real thing, as when a node is killed.
/// </summary>
internal sealed class TestBackend : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _requests;

    private TestBackend(WebApplication app) => _app = app;

    /// <summary>The node's address as a pool destination (with the trailing slash the AppHost gives it).</summary>
    public string Url => _app.Urls.Single() + "/";

    /// <summary>Requests that reached this node, answered or not.</summary>
    public int Requests => Volatile.Read(ref _requests);

    /// <param name="protocols"><see cref="HttpProtocols.Http2"/> for an h2c node, as the AppHost's nodes are to the gateway.</param>
    public static async Task<TestBackend> StartAsync(RequestDelegate handler, HttpProtocols protocols = HttpProtocols.Http1)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = protocols));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var backend = new TestBackend(app);
        app.Run(context =>
        {
            Interlocked.Increment(ref backend._requests);
            return handler(context);
        });
        await app.StartAsync();
        return backend;
    }

    /// <summary>Answers 200 with <paramref name="name"/> as the body and as <c>X-Served-By</c>, as a node would.</summary>
    public static Task<TestBackend> AnsweringAsync(string name, HttpProtocols protocols = HttpProtocols.Http1) =>
        StartAsync(
            context =>
            {
                context.Response.Headers["X-Served-By"] = name;
                return context.Response.WriteAsync(context.Request.Protocol == HttpProtocol.Http2 ? $"{name} over HTTP/2" : name);
            },
            protocols);

    /// <summary>Drops the connection under every request without a byte of answer: a node killed with the request in flight.</summary>
    public static Task<TestBackend> AbortingAsync() =>
        StartAsync(context =>
        {
            context.Abort();
            return Task.CompletedTask;
        });

    /// <summary>An address nothing listens on: connections to it are refused, as a killed node's port is.</summary>
    public static string RefusingUrl()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return $"http://127.0.0.1:{port}/";
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
