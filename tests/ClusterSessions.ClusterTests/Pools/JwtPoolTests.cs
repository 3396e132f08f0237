using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using ClusterSessions.AppHost.Lab;
using ClusterSessions.ClusterTests.Infrastructure;
using Xunit.Abstractions;

namespace ClusterSessions.ClusterTests.Pools;

[Collection(RedisCollection.Name)]
public sealed class JwtPoolTests(RedisCluster cluster, ITestOutputHelper output)
{
    [Fact]
    public async Task Login_Followed20MixedRequests_AllSucceedOnEveryNode()
    {
        using var client = cluster.CreateClient("jwt");
        var token = await LoginAsync(client, "alice");
        Assert.Equal("ES256", ForgedTokens.Header(token).GetProperty("alg").GetString());

        var nodes = new HashSet<string>();
        for (var i = 0; i < 20; i++)
        {
            using var response = i % 2 == 0
                ? await client.GetAsync("api/me")
                : await client.PostAsJsonAsync("api/cart/items", new { sku = "pen", quantity = 1 });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True(int.Parse(response.Headers.GetValues("X-Token-Bytes").Single(), System.Globalization.CultureInfo.InvariantCulture) > 0);
            nodes.Add(response.ServedBy());
        }

        using var cart = await client.GetAsync("api/cart");
        Assert.Equal(10, Assert.Single((await cart.JsonAsync()).GetProperty("items").EnumerateArray()).GetProperty("quantity").GetInt32());
        Assert.Equal(3, nodes.Count);
    }

    [Fact]
    public async Task KilledNode_TokenStillWorksOnTheOthers()
    {
        using var client = cluster.CreateClient("jwt");
        await LoginAsync(client, "bob");
        await cluster.Control.ExecuteAsync("jwt-1", ResourceAction.Kill);
        try
        {
            for (var i = 0; i < 20; i++)
            {
                using var me = await client.GetAsync("api/me");
                Assert.Equal(HttpStatusCode.OK, me.StatusCode);
                Assert.NotEqual("jwt-1", me.ServedBy());
            }
        }
        finally
        {
            await cluster.Control.ExecuteAsync("jwt-1", ResourceAction.Start);
            await cluster.WaitUntilServedAsync("jwt", "jwt-1");
        }
    }

    [Theory]
    [InlineData("tampered payload")]
    [InlineData("alg none")]
    [InlineData("garbage")]
    public async Task BadToken_IsRefusedWith401AndABearerChallenge(string defect)
    {
        using var client = cluster.CreateClient("jwt");
        var token = await LoginAsync(client, "carol");
        var bad = defect switch
        {
            "tampered payload" => ForgedTokens.WithClaim(token, "sub", "alice"),
            "alg none" => ForgedTokens.WithAlgNone(token),
            _ => "not-a-token",
        };

        using var anonymous = Bearer(cluster, bad);
        using var me = await anonymous.GetAsync("api/me");

        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
        var challenge = Assert.Single(me.Headers.WwwAuthenticate);
        Assert.Equal("Bearer", challenge.Scheme);
        Assert.Contains("error=\"invalid_token\"", challenge.Parameter, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DenyList_TokenReplayedAfterLogout_IsRefusedOnEveryNode()
    {
        using var client = cluster.CreateClient("jwt");
        var token = await LoginAsync(client, "alice");
        using var logout = await client.PostAsync("api/logout", null);
        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);

        using var replay = Bearer(cluster, token);
        var nodes = new HashSet<string>();
        for (var i = 0; i < 6; i++)
        {
            using var me = await replay.GetAsync("api/me");
            Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
            nodes.Add(me.ServedBy());
        }

        Assert.Equal(3, nodes.Count);
    }

    [Fact]
    public async Task DenyList_LogoutAll_RevokesTheUsersOtherTokens()
    {
        using var laptop = cluster.CreateClient("jwt");
        using var phone = cluster.CreateClient("jwt");
        await LoginAsync(laptop, "bob");
        var phoneToken = await LoginAsync(phone, "bob");

        using var logoutAll = await laptop.PostAsync("api/logout-all", null);
        Assert.Equal(HttpStatusCode.OK, logoutAll.StatusCode);
        Assert.Equal("cluster", (await logoutAll.JsonAsync()).GetProperty("scope").GetString());

        using var replay = Bearer(cluster, phoneToken);
        using var me = await replay.GetAsync("api/me");
        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
    }

    [Fact]
    public async Task CartOutgrowingTheCookieLimit_Is413AndTheCartIsUnchanged()
    {
        using var client = cluster.CreateClient("jwt");
        await LoginAsync(client, "carol");
        HttpStatusCode status = HttpStatusCode.OK;
        var added = 0;
        while (status == HttpStatusCode.OK && added < 100)
        {
            using var add = await client.PostAsJsonAsync("api/cart/items", new { sku = $"item-with-a-long-name-{added:D3}", quantity = 1 });
            status = add.StatusCode;
            if (status == HttpStatusCode.OK)
            {
                added++;
            }
            else
            {
                Assert.Contains("4096", (await add.JsonAsync()).GetProperty("error").GetString(), StringComparison.Ordinal);
            }
        }

        output.WriteLine($"the token outgrew the cookie limit at item {added + 1}");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        using var cart = await client.GetAsync("api/cart");
        Assert.Equal(HttpStatusCode.OK, cart.StatusCode);
        Assert.Equal(added, (await cart.JsonAsync()).GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Jwks_PublishesTheEcPublicKeyOfTheTokens()
    {
        using var client = cluster.CreateClient("jwt");
        var token = await LoginAsync(client, "alice");
        using var jwks = await client.GetAsync(".well-known/jwks.json");
        Assert.Equal(HttpStatusCode.OK, jwks.StatusCode);
        var key = Assert.Single((await jwks.JsonAsync()).GetProperty("keys").EnumerateArray());
        Assert.Equal("EC", key.GetProperty("kty").GetString());
        Assert.Equal("P-256", key.GetProperty("crv").GetString());
        Assert.Equal(ForgedTokens.Header(token).GetProperty("kid").GetString(), key.GetProperty("kid").GetString());
        Assert.False(key.TryGetProperty("d", out _), "the private key must not be published");
    }

    [JoseFact]
    public async Task Token_VerifiesWithAStandardJwtLibraryAgainstThePublishedJwks()
    {
        using var client = cluster.CreateClient("jwt");
        var token = await LoginAsync(client, "bob");

        var (verified, joseOutput) = await JoseVerifier.VerifyAsync(
            new Uri(cluster.Gateway, "/jwt/.well-known/jwks.json"), token, "cluster-sessions", "cluster-sessions-jwt");
        output.WriteLine(joseOutput);
        Assert.True(verified, joseOutput);

        var (forgedVerified, forgedOutput) = await JoseVerifier.VerifyAsync(
            new Uri(cluster.Gateway, "/jwt/.well-known/jwks.json"), ForgedTokens.WithClaim(token, "sub", "alice"), "cluster-sessions", "cluster-sessions-jwt");
        Assert.False(forgedVerified, forgedOutput);
    }

    internal static async Task<string> LoginAsync(HttpClient client, string user)
    {
        using var login = await client.LoginAsync(user);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        return (await login.JsonAsync()).GetProperty("token").GetString()!;
    }

    internal static HttpClient Bearer(ClusterFixture cluster, string token)
    {
        var client = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = new Uri(cluster.Gateway, "/jwt/") };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
