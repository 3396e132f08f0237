using System.Globalization;
using System.Net;

namespace ClusterSessions.Tests.WebNode.Sessions.Jwt;

/// <summary>The cart travels in the token: a change re-issues it; nothing is stored on the node.</summary>
public sealed class JwtCartTests(JwtNodeHost node) : IClassFixture<JwtNodeHost>
{
    private readonly HttpClient _client = node.CreateClient();

    [Fact]
    public async Task AddToCart_Bearer_Returns200WithItemsAndReissuedToken()
    {
        var token = await JwtApi.LoginAsync(_client);

        using var response = await JwtApi.AddToCartAsync(_client, token, "pen", 2);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await JwtApi.ReadJsonAsync(response);
        Assert.Equal([("pen", 2)], JwtApi.Items(body));
        var reissued = body.GetProperty("token").GetString();
        Assert.NotNull(reissued);
        Assert.NotEqual(token, reissued);
    }

    [Fact]
    public async Task AddToCart_ReissuedToken_KeepsJtiAndSubAndCarriesTheCartClaim()
    {
        var token = await JwtApi.LoginAsync(_client, "bob");

        using var response = await JwtApi.AddToCartAsync(_client, token, "pen", 3);

        var reissued = (await JwtApi.ReadJsonAsync(response)).GetProperty("token").GetString()!;
        var before = TokenForge.Segment(token, 1);
        var after = TokenForge.Segment(reissued, 1);
        Assert.Equal(before.GetProperty("jti").GetString(), after.GetProperty("jti").GetString());
        Assert.Equal("bob", after.GetProperty("sub").GetString());
        Assert.Equal("bob", after.GetProperty("name").GetString());
        var line = Assert.Single(after.GetProperty("cart").EnumerateArray());
        Assert.Equal("pen", line.GetProperty("sku").GetString());
        Assert.Equal(3, line.GetProperty("quantity").GetInt32());
        Assert.False(before.TryGetProperty("cart", out _));
    }

    [Fact]
    public async Task AddToCart_Bearer_SetsTheReissuedTokenAsCookieAndReportsItsBytes()
    {
        var token = await JwtApi.LoginAsync(_client);

        using var response = await JwtApi.AddToCartAsync(_client, token, "pen");

        var reissued = (await JwtApi.ReadJsonAsync(response)).GetProperty("token").GetString()!;
        Assert.Equal(reissued, JwtApi.CookieValue(response, JwtNodeHost.TokenCookieName));
        Assert.Equal(reissued.Length.ToString(CultureInfo.InvariantCulture), JwtApi.TokenBytes(response));
    }

    [Fact]
    public async Task GetCart_ReissuedAndOldToken_EachReadsItsOwnCart()
    {
        var token = await JwtApi.LoginAsync(_client);
        using var added = await JwtApi.AddToCartAsync(_client, token, "pen");
        var reissued = (await JwtApi.ReadJsonAsync(added)).GetProperty("token").GetString()!;

        Assert.Equal([("pen", 1)], await JwtApi.ReadCartAsync(_client, reissued));
        Assert.Empty(await JwtApi.ReadCartAsync(_client, token));
    }

    [Fact]
    public async Task AddToCart_WithOldToken_BuildsOnTheOldCart()
    {
        var token = await JwtApi.LoginAsync(_client);
        using var first = await JwtApi.AddToCartAsync(_client, token, "pen");

        using var second = await JwtApi.AddToCartAsync(_client, token, "ink");

        Assert.Equal([("ink", 1)], JwtApi.Items(await JwtApi.ReadJsonAsync(second)));
    }

    [Fact]
    public async Task AddToCart_TokenWouldExceed4096Bytes_Returns413AndCartIsUnchanged()
    {
        var token = await JwtApi.LoginAsync(_client);
        var accepted = 0;
        HttpResponseMessage? refused = null;
        for (var i = 0; i < 100 && refused is null; i++)
        {
            var sku = i.ToString("D32", CultureInfo.InvariantCulture);
            var response = await JwtApi.AddToCartAsync(_client, token, sku);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                token = (await JwtApi.ReadJsonAsync(response)).GetProperty("token").GetString()!;
                Assert.InRange(token.Length, 1, 4096);
                accepted++;
                response.Dispose();
            }
            else
            {
                refused = response;
            }
        }

        Assert.NotNull(refused);
        using (refused)
        {
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            Assert.Null(JwtApi.SetCookie(refused, JwtNodeHost.TokenCookieName));
        }

        Assert.InRange(accepted, 10, 99);
        var cart = await JwtApi.ReadCartAsync(_client, token);
        Assert.Equal(accepted, cart.Count);
        Assert.Equal((accepted - 1).ToString("D32", CultureInfo.InvariantCulture), cart[^1].Sku);
    }

    [Fact]
    public async Task AddToCart_NoToken_Returns401()
    {
        using var response = await JwtApi.PostAsync(_client, "api/cart/items", json: """{"sku":"pen","quantity":1}""");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.ToString());
    }
}
