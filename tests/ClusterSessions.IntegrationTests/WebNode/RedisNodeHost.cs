using System.Net;
using ClusterSessions.WebNode.Api;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace ClusterSessions.IntegrationTests.WebNode;

/// <summary>
/// One in-memory WebNode of a Redis-backed pool (<c>redis</c> or <c>jwt</c>), configured the way the AppHost configures
/// a node: <c>Session:Strategy</c>, <c>Node:Id</c>, <c>Node:PathBase</c>, <c>ConnectionStrings:redis</c>, in Production.
/// Two hosts on the same Redis are two nodes of one pool.
/// </summary>
public sealed class RedisNodeHost : IDisposable
{
    public const string LoginCookieName = "cs_login";
    public const string SessionCookieName = "cs_session";

    private readonly WebApplicationFactory<NodeInfo> _factory;

    public RedisNodeHost(string strategy, string nodeId, string connectionString, IReadOnlyDictionary<string, string?>? settings = null)
    {
        NodeId = nodeId;
        PathBase = "/" + strategy;
        _factory = new WebApplicationFactory<NodeInfo>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("Session:Strategy", strategy);
            builder.UseSetting("Node:Id", nodeId);
            builder.UseSetting("Node:PathBase", PathBase);
            builder.UseSetting("ConnectionStrings:redis", connectionString);
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            // The multiplexer logs every dropped connection as an error; the outage tests cause those on purpose.
            builder.UseSetting("Logging:LogLevel:StackExchange.Redis", "Critical");
            foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            {
                builder.UseSetting(key, value);
            }
        });
    }

    public string NodeId { get; }

    /// <summary><c>/redis</c> or <c>/jwt</c>.</summary>
    public string PathBase { get; }

    /// <summary><c>http://localhost/{strategy}/</c>: where the pool's cookies apply.</summary>
    public Uri BaseAddress => new($"http://localhost{PathBase}/");

    internal IServiceProvider Services => _factory.Services;

    /// <summary>
    /// A client under <see cref="BaseAddress"/> that does not follow redirects; with <paramref name="cookies"/> it keeps
    /// cookies in that container like a browser (the same container on two nodes: one browser behind a round-robin
    /// gateway), without it it sends only what the test puts in a request.
    /// </summary>
    public HttpClient CreateClient(CookieContainer? cookies = null) =>
        cookies is null
            ? _factory.CreateDefaultClient(BaseAddress)
            : _factory.CreateDefaultClient(BaseAddress, new CookieContainerHandler(cookies));

    /// <summary>The <c>jwt</c> settings every node of the pool shares (one ES256 key).</summary>
    public static Dictionary<string, string?> JwtSettings(string pkcs8KeyBase64, string revocationStoreDown = "FailClosed") => new()
    {
        ["Jwt:Issuer"] = "https://cluster-sessions.test",
        ["Jwt:Audience"] = "cluster-sessions",
        ["Jwt:Keys:0:Id"] = "it-key-1",
        ["Jwt:Keys:0:Algorithm"] = "ES256",
        ["Jwt:Keys:0:Key"] = pkcs8KeyBase64,
        ["Jwt:Revocation"] = "DenyList",
        ["Jwt:RevocationStoreDown"] = revocationStoreDown,
    };

    public void Dispose() => _factory.Dispose();
}
