using System.Buffers.Text;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using ClusterSessions.ServiceDefaults;
using ClusterSessions.WebNode.Sessions;
using ClusterSessions.WebNode.Sessions.Jwt;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ClusterSessions.Tests.WebNode.Sessions.Jwt;

/// <summary>
/// <c>Jwt:TokenCache</c>: a byte-identical token skips the handler's validation until its <c>exp</c> (+ skew); the
/// deny-list still runs on every request; any other token goes through the handler. Each test has its own node.
/// </summary>
public sealed class JwtTokenCacheTests : IDisposable
{
    private readonly CachingJwtNodeHost _node = new();
    private readonly HttpClient _client;

    public JwtTokenCacheTests() => _client = _node.CreateClient();

    [Fact]
    public async Task Me_SameTokenTwice_SecondIsAnsweredFromTheCache()
    {
        var token = await JwtApi.LoginAsync(_client);

        Assert.Equal("alice", await JwtApi.MeAsync(_client, token));
        Assert.Equal((0L, 1L), (_node.Cache.Hits, _node.Cache.Misses));

        Assert.Equal("alice", await JwtApi.MeAsync(_client, token));
        Assert.Equal((1L, 1L), (_node.Cache.Hits, _node.Cache.Misses));
    }

    [Fact]
    public async Task Me_TamperedSignatureAfterGenuineCached_Returns401Signature()
    {
        var token = await JwtApi.LoginAsync(_client);
        Assert.Equal("alice", await JwtApi.MeAsync(_client, token));

        var last = token[^2] == 'A' ? 'B' : 'A';
        using var response = await JwtApi.GetAsync(_client, "api/me", token[..^2] + last + token[^1]);

        await JwtApi.AssertRejectedAsync(response, RejectionReasons.Signature);
    }

    [Fact]
    public async Task Me_TamperedPayloadWithGenuineSignatureAfterGenuineCached_Returns401Signature()
    {
        var token = await JwtApi.LoginAsync(_client);
        Assert.Equal("alice", await JwtApi.MeAsync(_client, token));
        var parts = token.Split('.');
        var payload = JsonNode.Parse(Base64Url.DecodeFromChars(parts[1]))!.AsObject();
        payload["name"] = "mallory";
        payload["sub"] = "mallory";
        var forged = $"{parts[0]}.{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload.ToJsonString()))}.{parts[2]}";

        using var response = await JwtApi.GetAsync(_client, "api/me", forged);

        await JwtApi.AssertRejectedAsync(response, RejectionReasons.Signature);
    }

    [Fact]
    public async Task Me_CachedTokenAfterLogout_Returns401Revoked()
    {
        var token = await JwtApi.LoginAsync(_client);
        Assert.Equal("alice", await JwtApi.MeAsync(_client, token));
        using (var logout = await JwtApi.PostAsync(_client, "api/logout", token))
        {
            // Revoked: 204, like the Redis deny-list.
            Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        }

        var hits = _node.Cache.Hits;
        using var response = await JwtApi.GetAsync(_client, "api/me", token);

        await JwtApi.AssertRejectedAsync(response, "the token was revoked (logged out)");
        Assert.Equal(hits + 1, _node.Cache.Hits);
    }

    [Fact]
    public async Task Me_CachedTokenPastExpPlusClockSkew_Returns401Expired()
    {
        var token = await JwtApi.LoginAsync(_client);
        Assert.Equal("alice", await JwtApi.MeAsync(_client, token));

        _node.Clock.Advance(JwtNodeHost.AccessTokenLifetime + JwtNodeHost.ClockSkew + TimeSpan.FromSeconds(1));
        using var response = await JwtApi.GetAsync(_client, "api/me", token);

        await JwtApi.AssertRejectedAsync(response, RejectionReasons.Expired);
        Assert.Equal((0L, 2L), (_node.Cache.Hits, _node.Cache.Misses));
    }

    [Fact]
    public async Task Me_CachedTokenPastExpButInsideClockSkew_AnsweredFromTheCache()
    {
        var token = await JwtApi.LoginAsync(_client);
        Assert.Equal("alice", await JwtApi.MeAsync(_client, token));

        _node.Clock.Advance(JwtNodeHost.AccessTokenLifetime + JwtNodeHost.ClockSkew - TimeSpan.FromSeconds(1));

        Assert.Equal("alice", await JwtApi.MeAsync(_client, token));
        Assert.Equal((1L, 1L), (_node.Cache.Hits, _node.Cache.Misses));
    }

    [Fact]
    public async Task Me_MoreTokensThanMaxEntries_CachesAtMostMaxEntriesAndAcceptsEveryToken()
    {
        using var node = new CachingJwtNodeHost(maxEntries: 2);
        using var client = node.CreateClient();
        string[] users = ["alice", "bob", "carol"];

        foreach (var user in users)
        {
            Assert.Equal(user, await JwtApi.MeAsync(client, await JwtApi.LoginAsync(client, user)));
        }

        Assert.InRange(node.Cache.Count, 1, 2);
        Assert.Equal(3L, node.Cache.Misses);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    public async Task AddSessionStrategy_TokenCacheMaxEntriesNotPositive_StartupValidationFailsNamingTheKey(string value)
    {
        await using var app = WebNodeBuilder.Build([.. Es256NodeArguments(), "--Jwt:TokenCache:Enabled=true", "--Jwt:TokenCache:MaxEntries=" + value]);

        var exception = Assert.ThrowsAny<Exception>(() => app.Services.GetRequiredService<IStartupValidator>().Validate());

        Assert.True(StartupErrors.TryDescribe(exception, out var line));
        Assert.Equal($"error: Jwt:TokenCache:MaxEntries: is {value}; use a value from 1 to 1000000", line);
    }

    [Fact]
    public async Task AddSessionStrategy_TokenCacheNotSet_OffWithoutACache()
    {
        await using var app = WebNodeBuilder.Build(Es256NodeArguments());

        Assert.Null(Record.Exception(() => app.Services.GetRequiredService<IStartupValidator>().Validate()));
        Assert.Null(app.Services.GetService<ValidatedTokenCache>());
    }

    public void Dispose()
    {
        _client.Dispose();
        _node.Dispose();
    }

    private static string[] Es256NodeArguments()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return
        [
            "--Session:Strategy=jwt",
            "--Node:Id=jwt-1",
            "--Jwt:Issuer=" + JwtNodeHost.Issuer,
            "--Jwt:Audience=" + JwtNodeHost.Audience,
            "--Jwt:Revocation=None",
            "--Jwt:Keys:0:Id=es-test",
            "--Jwt:Keys:0:Algorithm=ES256",
            "--Jwt:Keys:0:Key=" + Convert.ToBase64String(key.ExportPkcs8PrivateKey()),
        ];
    }
}
