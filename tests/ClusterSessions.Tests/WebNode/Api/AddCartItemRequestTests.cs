using ClusterSessions.WebNode.Api;
using ClusterSessions.WebNode.Carts;

namespace ClusterSessions.Tests.WebNode.Api;

public sealed class AddCartItemRequestTests
{
    [Theory]
    [InlineData("a", 1)]
    [InlineData("apple", 100)]
    [InlineData("SKU-1.b_c", 50)]
    [InlineData("abcdefghijklmnopqrstuvwxyz012345", 1)]
    public void Validate_GoodItem_ReturnsNull(string sku, int quantity) =>
        Assert.Null(new AddCartItemRequest(sku, quantity).Validate());

    [Theory]
    [InlineData("")]
    [InlineData("-apple")]
    [InlineData("_apple")]
    [InlineData("app le")]
    [InlineData("apple/1")]
    [InlineData("äpple")]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456")]
    public void Validate_BadSku_ReturnsTheSkuRule(string sku) =>
        Assert.Equal("sku must be 1-32 characters: letters, digits, '.', '_' or '-'", new AddCartItemRequest(sku, 1).Validate());

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(101)]
    [InlineData(int.MinValue)]
    [InlineData(int.MaxValue)]
    public void Validate_QuantityOutOfRange_ReturnsTheQuantityRule(int quantity) =>
        Assert.Equal("quantity must be between 1 and 100", new AddCartItemRequest("apple", quantity).Validate());

    [Fact]
    public void ToCartItem_Always_CopiesSkuAndQuantity() =>
        Assert.Equal(new CartItem("apple", 3), new AddCartItemRequest("apple", 3).ToCartItem());

    [Fact]
    public void Validate_SkuWithTrailingNewline_ReturnsTheSkuRule() =>
        Assert.Equal("sku must be 1-32 characters: letters, digits, '.', '_' or '-'", new AddCartItemRequest("apple\n", 1).Validate());
}
