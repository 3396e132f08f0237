using ClusterSessions.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace ClusterSessions.IntegrationTests.WebNode;

/// <summary>
/// One real Redis (a <typeparamref name="TServer"/>) and the in-memory nodes a test class shares on it, started on
/// first use (so skipped classes start no node) and disposed before the server.
/// </summary>
public sealed class WebNodeFixture<TServer> : IAsyncLifetime
    where TServer : ServerFixture
{
    private readonly Dictionary<string, RedisNodeHost> _nodes = new(StringComparer.Ordinal);

    public WebNodeFixture(IMessageSink diagnostics)
    {
        Redis = (TServer)Activator.CreateInstance(typeof(TServer), diagnostics)!;
    }

    public TServer Redis { get; }

    /// <summary>An ES256 key (base64 PKCS#8) every <c>jwt</c> node of this class signs and verifies with.</summary>
    public string JwtKey { get; } = CreateJwtKey();

    /// <summary>The node named <paramref name="nodeId"/>, created by <paramref name="create"/> (given the connection string) the first time.</summary>
    public RedisNodeHost Node(string nodeId, Func<string, RedisNodeHost> create)
    {
        if (!_nodes.TryGetValue(nodeId, out var node))
        {
            node = create(Redis.ConnectionString);
            _nodes.Add(nodeId, node);
        }

        return node;
    }

    /// <summary>The nodes started so far.</summary>
    public IReadOnlyCollection<RedisNodeHost> Nodes => _nodes.Values;

    public Task InitializeAsync() => Redis.InitializeAsync();

    public async Task DisposeAsync()
    {
        foreach (var node in _nodes.Values)
        {
            node.Dispose();
        }

        await Redis.DisposeAsync();
    }

    private static string CreateJwtKey()
    {
        using var key = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
        return Convert.ToBase64String(key.ExportPkcs8PrivateKey());
    }
}
