using System.Globalization;
using System.Security.Cryptography;
using ClusterSessions.WebNode.Api;
using ClusterSessions.WebNode.Sessions.Jwt;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ClusterSessions.Tests.WebNode.Sessions.Jwt;

/// <summary>
/// One in-memory jwt node like <see cref="JwtNodeHost"/> (same issuer, audience, lifetime, skew, clock start) with
/// <c>Jwt:TokenCache:Enabled=true</c> and an in-memory deny-list, so logout revokes without Redis.
/// </summary>
internal sealed class CachingJwtNodeHost : IDisposable
{
    private readonly WebApplicationFactory<NodeInfo> _factory;
    private readonly ECDsa _signingKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public CachingJwtNodeHost(int maxEntries = 10_000)
    {
        Clock = new FakeTimeProvider(JwtNodeHost.Start);
        var settings = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Session:Strategy"] = "jwt",
            ["Node:Id"] = JwtNodeHost.NodeId,
            ["Node:PathBase"] = JwtNodeHost.PathBase,
            ["Logging:LogLevel:Default"] = "Warning",
            ["Jwt:Issuer"] = JwtNodeHost.Issuer,
            ["Jwt:Audience"] = JwtNodeHost.Audience,
            ["Jwt:Revocation"] = "None",
            ["Jwt:AccessTokenLifetime"] = JwtNodeHost.AccessTokenLifetime.ToString("c", CultureInfo.InvariantCulture),
            ["Jwt:ClockSkew"] = JwtNodeHost.ClockSkew.ToString("c", CultureInfo.InvariantCulture),
            ["Jwt:Keys:0:Id"] = JwtNodeHost.KeyId,
            ["Jwt:Keys:0:Algorithm"] = "ES256",
            ["Jwt:Keys:0:Key"] = Convert.ToBase64String(_signingKey.ExportPkcs8PrivateKey()),
            ["Jwt:TokenCache:Enabled"] = "true",
            ["Jwt:TokenCache:MaxEntries"] = maxEntries.ToString(CultureInfo.InvariantCulture),
        };

        _factory = new WebApplicationFactory<NodeInfo>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Production");
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }

            builder.ConfigureTestServices(services =>
            {
                services.AddSingleton<TimeProvider>(Clock);
                // Jwt:Revocation=None keeps Redis out; this list still revokes, like the Redis deny-list.
                services.AddSingleton<IRevocationList>(Revocations);
            });
        });
    }

    public FakeTimeProvider Clock { get; }

    public InMemoryRevocationList Revocations { get; } = new();

    /// <summary>The node's cache: <see cref="ValidatedTokenCache.Misses"/> counts calls of the inner token handler.</summary>
    public ValidatedTokenCache Cache => _factory.Services.GetRequiredService<ValidatedTokenCache>();

    public HttpClient CreateClient() =>
        _factory.CreateClient(new WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("http://localhost" + JwtNodeHost.PathBase + "/"),
            AllowAutoRedirect = false,
            HandleCookies = false,
        });

    public void Dispose()
    {
        _factory.Dispose();
        _signingKey.Dispose();
    }
}
