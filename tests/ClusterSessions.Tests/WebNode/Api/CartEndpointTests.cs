using System.Net;
using System.Text.Json;

namespace ClusterSessions.Tests.WebNode.Api;

public sealed class CartEndpointTests(WebNodeHost node) : IClassFixture<WebNodeHost>
{
    private readonly HttpClient _client = node.CreateClient();

    [Fact]
    public async Task GetCart_NewLogin_ReturnsEmptyItems()
    {
        var cookie = await NodeApi.LoginAsync(_client, "alice");

        using var response = await NodeApi.GetAsync(_client, "api/cart", cookie);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(Items(await NodeApi.ReadJsonAsync(response)));
    }

    [Fact]
    public async Task AddItem_NewSku_ReturnsCartWithThatItem()
    {
        var cookie = await NodeApi.LoginAsync(_client, "alice");

        using var response = await NodeApi.AddToCartAsync(_client, cookie, "apple", 2);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([("apple", 2)], Items(await NodeApi.ReadJsonAsync(response)));
    }

    [Fact]
    public async Task AddItem_SameSkuTwice_MergesQuantities()
    {
        var cookie = await NodeApi.LoginAsync(_client, "alice");
        (await NodeApi.AddToCartAsync(_client, cookie, "apple", 2)).Dispose();

        using var response = await NodeApi.AddToCartAsync(_client, cookie, "apple", 3);

        Assert.Equal([("apple", 5)], Items(await NodeApi.ReadJsonAsync(response)));
    }

    [Fact]
    public async Task GetCart_AfterAdds_ReturnsEveryLineInOrder()
    {
        var cookie = await NodeApi.LoginAsync(_client, "alice");
        (await NodeApi.AddToCartAsync(_client, cookie, "apple", 1)).Dispose();
        (await NodeApi.AddToCartAsync(_client, cookie, "pear", 4)).Dispose();
        (await NodeApi.AddToCartAsync(_client, cookie, "apple", 1)).Dispose();

        using var response = await NodeApi.GetAsync(_client, "api/cart", cookie);

        Assert.Equal([("apple", 2), ("pear", 4)], Items(await NodeApi.ReadJsonAsync(response)));
    }

    [Fact]
    public async Task GetCart_AnotherSession_DoesNotSeeTheItems()
    {
        var alice = await NodeApi.LoginAsync(_client, "alice");
        var bob = await NodeApi.LoginAsync(_client, "bob");
        (await NodeApi.AddToCartAsync(_client, alice, "apple", 1)).Dispose();

        using var response = await NodeApi.GetAsync(_client, "api/cart", bob);

        Assert.Empty(Items(await NodeApi.ReadJsonAsync(response)));
    }

    [Fact]
    public async Task GetCart_NotLoggedIn_Returns401()
    {
        using var response = await NodeApi.GetAsync(_client, "api/cart");

        await NodeApi.AssertProblemAsync(response, HttpStatusCode.Unauthorized, "not logged in");
    }

    [Fact]
    public async Task AddItem_NotLoggedIn_Returns401()
    {
        using var response = await NodeApi.PostJsonAsync(_client, "api/cart/items", """{"sku":"apple","quantity":1}""");

        await NodeApi.AssertProblemAsync(response, HttpStatusCode.Unauthorized, "not logged in");
    }

    [Fact]
    public async Task AddItem_AnonymousVisitorSession_Returns401()
    {
        using var visit = await NodeApi.GetAsync(_client, "api/visits");

        using var response = await NodeApi.AddToCartAsync(_client, NodeApi.SessionCookie(visit)!, "apple", 1);

        await NodeApi.AssertProblemAsync(response, HttpStatusCode.Unauthorized, "not logged in");
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(0)]
    [InlineData(101)]
    [InlineData(int.MaxValue)]
    [InlineData(int.MinValue)]
    public async Task AddItem_QuantityOutOfRange_Returns400(int quantity)
    {
        var cookie = await NodeApi.LoginAsync(_client, "alice");

        using var response = await NodeApi.AddToCartAsync(_client, cookie, "apple", quantity);

        await NodeApi.AssertProblemAsync(response, HttpStatusCode.BadRequest, "quantity must be between 1 and 100");
    }

    [Theory]
    [InlineData("2147483648")]
    [InlineData("99999999999999999999999")]
    [InlineData("1.5")]
    [InlineData("1e2")]
    [InlineData("\"5\"")]
    [InlineData("null")]
    public async Task AddItem_QuantityNotAnInt32_Returns400MalformedJson(string quantity)
    {
        var cookie = await NodeApi.LoginAsync(_client, "alice");

        using var response = await NodeApi.PostJsonAsync(_client, "api/cart/items", $$"""{"sku":"apple","quantity":{{quantity}}}""", cookie);

        await NodeApi.AssertProblemAsync(response, HttpStatusCode.BadRequest, "malformed JSON");
    }

    [Theory]
    [InlineData("")]
    [InlineData("two words")]
    [InlineData(".hidden")]
    [InlineData("<script>")]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456")]
    public async Task AddItem_BadSku_Returns400(string sku)
    {
        var cookie = await NodeApi.LoginAsync(_client, "alice");

        using var response = await NodeApi.PostJsonAsync(
            _client, "api/cart/items", JsonSerializer.Serialize(new { sku, quantity = 1 }), cookie);

        await NodeApi.AssertProblemAsync(response, HttpStatusCode.BadRequest, "sku must be 1-32 characters");
    }

    [Fact]
    public async Task AddItem_SkuWithTrailingNewline_Returns400()
    {
        var cookie = await NodeApi.LoginAsync(_client, "alice");

        using var response = await NodeApi.PostJsonAsync(_client, "api/cart/items", """{"sku":"apple\n","quantity":1}""", cookie);

        await NodeApi.AssertProblemAsync(response, HttpStatusCode.BadRequest, "sku must be 1-32 characters");
    }

    [Theory]
    [InlineData("""{"sku":"apple","quantity":1,"price":0}""")]
    [InlineData("""{"sku":"apple"}""")]
    [InlineData("""{"quantity":1}""")]
    [InlineData("null")]
    public async Task AddItem_BadShape_Returns400(string body)
    {
        var cookie = await NodeApi.LoginAsync(_client, "alice");

        using var response = await NodeApi.PostJsonAsync(_client, "api/cart/items", body, cookie);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(JsonValueKind.String, (await NodeApi.ReadJsonAsync(response)).GetProperty("error").ValueKind);
    }

    [Fact]
    public async Task AddItem_LineBeyond999_Returns400AndLeavesCartUnchanged()
    {
        var cookie = await NodeApi.LoginAsync(_client, "alice");
        for (var i = 0; i < 9; i++)
        {
            (await NodeApi.AddToCartAsync(_client, cookie, "apple", 100)).Dispose();
        }

        using var rejected = await NodeApi.AddToCartAsync(_client, cookie, "apple", 100);

        await NodeApi.AssertProblemAsync(rejected, HttpStatusCode.BadRequest, "at most 999 of one item");
        using var cart = await NodeApi.GetAsync(_client, "api/cart", cookie);
        Assert.Equal([("apple", 900)], Items(await NodeApi.ReadJsonAsync(cart)));
    }

    private static List<(string Sku, int Quantity)> Items(JsonElement cart) =>
        cart.GetProperty("items").EnumerateArray()
            .Select(i => (i.GetProperty("sku").GetString()!, i.GetProperty("quantity").GetInt32()))
            .ToList();
}
