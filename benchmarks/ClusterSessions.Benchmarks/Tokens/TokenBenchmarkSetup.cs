using ClusterSessions.Tokens;

namespace ClusterSessions.Benchmarks.Tokens;

/// <summary>One algorithm's key set, issuer and validator, configured as a node would be.</summary>
internal sealed class TokenBenchmarkSetup : IDisposable
{
    public const string IssuerName = "cluster-sessions";
    public const string AudienceName = "cluster-sessions-jwt";
    public const string Subject = "alice";
    public const string Name = "Alice";

    private TokenBenchmarkSetup(string algorithm)
    {
        Algorithm = algorithm;
        var options = new JwtOptions { Issuer = IssuerName, Audience = AudienceName, Keys = [JwtKeyDescriptor.Generate("k1", algorithm)] };
        Keys = JwtKeySet.Create(options.Keys);
        TokenIssuer = new JwtTokenIssuer(Keys, options, TimeProvider.System);
        Validator = new JwtTokenValidator(Keys, options, TimeProvider.System);
    }

    public string Algorithm { get; }

    public JwtKeySet Keys { get; }

    public JwtTokenIssuer TokenIssuer { get; }

    public JwtTokenValidator Validator { get; }

    public static TokenBenchmarkSetup Create(string algorithm) => new(algorithm);

    /// <summary>SKUs like "sku-1001", quantities 1 to 3: what the demo's cart endpoint stores.</summary>
    public static IReadOnlyList<JwtCartItem> Cart(int items) =>
        [.. Enumerable.Range(0, items).Select(i => new JwtCartItem($"sku-{1001 + i}", (i % 3) + 1))];

    public JwtIssuedToken Issue(int cartItems) => TokenIssuer.Issue(Subject, Name, Cart(cartItems));

    /// <summary>The largest cart whose token still fits in <paramref name="maxBytes"/>.</summary>
    public int MaxCartItems(int maxBytes)
    {
        var items = 0;
        while (Issue(items + 1).ByteCount <= maxBytes)
        {
            items++;
        }

        return items;
    }

    public void Dispose() => Keys.Dispose();
}
