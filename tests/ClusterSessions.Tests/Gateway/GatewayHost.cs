using ClusterSessions.Gateway.Pools;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace ClusterSessions.Tests.Gateway;

/// <summary>
/// The gateway in memory, with its admin API on <see cref="AdminPort"/>. A request is treated as having arrived on
/// the port its Host header names (as it does through a real listener), so an admin client is based at
/// <c>http://localhost:{AdminPort}</c>. Active health checks are slowed to once an hour: no probe leaves the process.
/// </summary>
public sealed class GatewayHost : IDisposable
{
    public const int AdminPort = 5999;
    public const int PublicPort = 8080;

    private readonly WebApplicationFactory<PoolRegistry> _factory;

    public GatewayHost()
        : this(context => context.Request.Host.Port ?? PublicPort)
    {
    }

    /// <param name="localPort">The port each request is taken to have arrived on.</param>
    internal GatewayHost(Func<HttpContext, int> localPort)
    {
        _factory = new WebApplicationFactory<PoolRegistry>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("Node:Id", "gateway");
            builder.UseSetting("Gateway:AdminPort", AdminPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("Gateway:HealthCheckInterval", "01:00:00");
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter>(new LocalPortStartupFilter(localPort)));
        });
    }

    internal IServiceProvider Services => _factory.Services;

    internal HttpClient CreateAdminClient() => CreateClient($"http://localhost:{AdminPort}/");

    internal HttpClient CreateClient(string baseAddress = "http://localhost/") =>
        _factory.CreateClient(new WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri(baseAddress),
            AllowAutoRedirect = false,
            HandleCookies = false,
        });

    public void Dispose() => _factory.Dispose();
}
