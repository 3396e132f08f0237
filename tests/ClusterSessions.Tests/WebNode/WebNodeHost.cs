using ClusterSessions.WebNode.Api;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace ClusterSessions.Tests.WebNode;

/// <summary>
/// One in-memory WebNode of the <c>local</c> pool (its own Data Protection key ring, its own session memory),
/// configured the way the AppHost configures a node: <c>Session:Strategy</c>, <c>Node:Id</c>, <c>Node:PathBase</c>.
/// </summary>
public sealed class WebNodeHost : IDisposable
{
    public const string LoginCookieName = "cs_login";
    public const string SessionCookieName = "cs_session";
    public const string PathBase = "/local";

    private readonly WebApplicationFactory<NodeInfo> _factory;

    public WebNodeHost()
        : this("local-1")
    {
    }

    internal WebNodeHost(string nodeId, TimeProvider? clock = null)
    {
        NodeId = nodeId;
        _factory = new WebApplicationFactory<NodeInfo>().WithWebHostBuilder(builder =>
        {
            // The AppHost runs nodes in Production.
            builder.UseEnvironment("Production");
            builder.UseSetting("Session:Strategy", "local");
            builder.UseSetting("Node:Id", nodeId);
            builder.UseSetting("Node:PathBase", PathBase);
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            if (clock is not null)
            {
                builder.ConfigureTestServices(services => services.AddSingleton(clock));
            }
        });
    }

    public string NodeId { get; }

    internal IServiceProvider Services => _factory.Services;

    /// <summary>A client under <c>http://localhost/local/</c> that neither keeps cookies nor follows redirects: tests pass cookies by hand.</summary>
    internal HttpClient CreateClient(string baseAddress = "http://localhost/local/") =>
        _factory.CreateClient(new WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri(baseAddress),
            AllowAutoRedirect = false,
            HandleCookies = false,
        });

    public void Dispose() => _factory.Dispose();
}
