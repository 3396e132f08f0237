using System.Globalization;
using System.Security.Cryptography;
using ClusterSessions.WebNode.Api;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ClusterSessions.Tests.WebNode;

/// <summary>
/// One in-memory WebNode of the <c>jwt</c> pool (<c>Jwt:Revocation=None</c>, so no Redis), configured the way the AppHost
/// configures a node, on a clock the test moves by hand. It exposes its keys so tests can forge validly-signed tokens.
/// </summary>
public sealed class JwtNodeHost : IDisposable
{
    public const string PathBase = "/jwt";
    public const string NodeId = "jwt-1";
    public const string TokenCookieName = "cs_token";
    public const string VisitsCookieName = "cs_visits";
    public const string Issuer = "https://sessions.cluster.test";
    public const string Audience = "cluster-sessions-api";
    public const string KeyId = "es-2025-06";
    public const string HmacKeyId = "hs-2025-06";

    /// <summary>Deliberately not the default (15 minutes), so a test can tell the setting was applied.</summary>
    public static readonly TimeSpan AccessTokenLifetime = TimeSpan.FromMinutes(10);

    public static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(30);

    /// <summary>Whole seconds: tokens carry NumericDates, so the clock and the claims agree exactly.</summary>
    public static readonly DateTimeOffset Start = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly WebApplicationFactory<NodeInfo> _factory;

    /// <summary>One ES256 key (<see cref="KeyId"/>) that signs and verifies.</summary>
    public JwtNodeHost()
        : this(withHmacKey: false)
    {
    }

    /// <param name="withHmacKey">
    /// Also configure an HS256 key (<see cref="HmacKeyId"/>) as <c>Jwt:Keys:0</c>, before the ES256 key (<c>Jwt:Keys:1</c>,
    /// the last one, so still the one that signs).
    /// </param>
    internal JwtNodeHost(bool withHmacKey)
    {
        SigningKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        HmacSecret = withHmacKey ? RandomNumberGenerator.GetBytes(32) : null;
        Clock = new FakeTimeProvider(Start);
        var settings = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Session:Strategy"] = "jwt",
            ["Node:Id"] = NodeId,
            ["Node:PathBase"] = PathBase,
            ["Logging:LogLevel:Default"] = "Warning",
            ["Jwt:Issuer"] = Issuer,
            ["Jwt:Audience"] = Audience,
            ["Jwt:Revocation"] = "None",
            ["Jwt:AccessTokenLifetime"] = AccessTokenLifetime.ToString("c", CultureInfo.InvariantCulture),
            ["Jwt:ClockSkew"] = ClockSkew.ToString("c", CultureInfo.InvariantCulture),
        };
        var index = 0;
        if (HmacSecret is not null)
        {
            AddKey(settings, index++, HmacKeyId, "HS256", Convert.ToBase64String(HmacSecret));
        }

        AddKey(settings, index, KeyId, "ES256", Convert.ToBase64String(SigningKey.ExportPkcs8PrivateKey()));

        _factory = new WebApplicationFactory<NodeInfo>().WithWebHostBuilder(builder =>
        {
            // The AppHost runs nodes in Production.
            builder.UseEnvironment("Production");
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }

            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
        });
    }

    /// <summary>The node's clock: its token issuer and its lifetime validation both read it.</summary>
    internal FakeTimeProvider Clock { get; }

    /// <summary>The configured ES256 private key (<see cref="KeyId"/>): what the node signs with.</summary>
    internal ECDsa SigningKey { get; }

    /// <summary>The configured HS256 secret (<see cref="HmacKeyId"/>), or null when none is configured.</summary>
    internal byte[]? HmacSecret { get; }

    internal IServiceProvider Services => _factory.Services;

    /// <summary>A client under <c>http://localhost/jwt/</c> that neither keeps cookies nor follows redirects: tests pass tokens by hand.</summary>
    internal HttpClient CreateClient() =>
        _factory.CreateClient(new WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("http://localhost" + PathBase + "/"),
            AllowAutoRedirect = false,
            HandleCookies = false,
        });

    public void Dispose()
    {
        _factory.Dispose();
        SigningKey.Dispose();
    }

    private static void AddKey(Dictionary<string, string> settings, int index, string id, string algorithm, string key)
    {
        settings[$"Jwt:Keys:{index}:Id"] = id;
        settings[$"Jwt:Keys:{index}:Algorithm"] = algorithm;
        settings[$"Jwt:Keys:{index}:Key"] = key;
    }
}
