using System.Globalization;
using System.Net;
using ClusterSessions.AppHost.Gateway;
using ClusterSessions.Gateway.Pools;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace ClusterSessions.Tests.Gateway;

/// <summary>
/// The gateway in memory, with its admin API on <see cref="AdminPort"/> behind the AppHost's admin token. A request is
/// treated as having arrived on the port its Host header names (as it does through a real listener), so an admin
/// client is based at <c>http://localhost:{AdminPort}</c>, and from the address its <see cref="ClientAddressHeader"/>
/// names (else 127.0.0.1). Active health checks are slowed to once an hour: no probe leaves the process.
/// </summary>
public sealed class GatewayHost : IDisposable
{
    public const int AdminPort = 5999;
    public const int PublicPort = 8080;

    /// <summary>A test's stand-in for the client's address, which the in-memory server does not have.</summary>
    public const string ClientAddressHeader = "X-Test-Client-Address";

    private readonly WebApplicationFactory<PoolRegistry> _factory;

    public GatewayHost()
        : this(context => context.Request.Host.Port ?? PublicPort)
    {
    }

    /// <param name="localPort">The port each request is taken to have arrived on.</param>
    /// <param name="settings">More gateway settings (<c>Gateway:…</c> keys), over the defaults above.</param>
    internal GatewayHost(Func<HttpContext, int> localPort, IReadOnlyDictionary<string, string?>? settings = null)
    {
        _factory = new WebApplicationFactory<PoolRegistry>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("Node:Id", "gateway");
            builder.UseSetting("Gateway:AdminPort", AdminPort.ToString(CultureInfo.InvariantCulture));
            // The AppHost's own token, so its GatewayAdminClient can be tested against this gateway as it is.
            builder.UseSetting("Gateway:AdminToken", AdminToken);
            builder.UseSetting("Gateway:HealthCheckInterval", "01:00:00");
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            {
                builder.UseSetting(key, value);
            }

            builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter>(new ConnectionStartupFilter(localPort, ClientAddressOf)));
        });
    }

    internal static string AdminToken => GatewayAdminToken.Value;

    internal IServiceProvider Services => _factory.Services;

    /// <summary>A client of the admin port that sends the admin token, as the AppHost does.</summary>
    internal HttpClient CreateAdminClient()
    {
        var client = CreateClient($"http://localhost:{AdminPort}/");
        client.DefaultRequestHeaders.Add(GatewayAdminToken.HeaderName, AdminToken);
        return client;
    }

    /// <summary>
    /// Sets up pool <paramref name="pool"/> with <paramref name="nodes"/>, balanced FirstAlphabetical so the first node
    /// by id is always asked first, and returns a client of the gateway.
    /// </summary>
    internal HttpClient CreatePoolClient(string pool, params (string Id, string Url)[] nodes)
    {
        Services.GetRequiredService<PoolRegistry>().SetPool(pool, new PoolOptions
        {
            LoadBalancing = "FirstAlphabetical",
            Destinations = nodes.ToDictionary(n => n.Id, n => n.Url, StringComparer.Ordinal),
        });
        return CreateClient();
    }

    internal HttpClient CreateClient(string baseAddress = "http://localhost/") =>
        _factory.CreateClient(new WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri(baseAddress),
            AllowAutoRedirect = false,
            HandleCookies = false,
        });

    public void Dispose() => _factory.Dispose();

    private static IPAddress ClientAddressOf(HttpContext context) =>
        context.Request.Headers[ClientAddressHeader] is { Count: 1 } header ? IPAddress.Parse(header.ToString()) : IPAddress.Loopback;
}
