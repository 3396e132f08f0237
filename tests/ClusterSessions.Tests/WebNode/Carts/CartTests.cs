using ClusterSessions.WebNode.Carts;

namespace ClusterSessions.Tests.WebNode.Carts;

public sealed class CartTests
{
    [Fact]
    public void Add_ToEmptyCart_AddsOneLine()
    {
        var change = Cart.Empty.Add(new CartItem("apple", 2));

        Assert.Null(change.Error);
        Assert.Equal<CartItem>([new CartItem("apple", 2)], change.Cart!.Items);
    }

    [Fact]
    public void Add_ExistingSku_MergesIntoTheSameLine()
    {
        var cart = Cart.Empty.Add(new CartItem("apple", 2)).Cart!.Add(new CartItem("pear", 1)).Cart!;

        var change = cart.Add(new CartItem("apple", 3));

        Assert.Equal<CartItem>([new CartItem("apple", 5), new CartItem("pear", 1)], change.Cart!.Items);
    }

    [Fact]
    public void Add_SkuDifferingOnlyInCase_IsASeparateLine()
    {
        var cart = Cart.Empty.Add(new CartItem("apple", 1)).Cart!;

        var change = cart.Add(new CartItem("APPLE", 1));

        Assert.Equal(2, change.Cart!.Items.Length);
    }

    [Fact]
    public void Add_Accepted_LeavesTheOriginalCartUnchanged()
    {
        var cart = Cart.Empty.Add(new CartItem("apple", 1)).Cart!;

        _ = cart.Add(new CartItem("apple", 1));
        _ = cart.Add(new CartItem("pear", 1));

        Assert.Equal<CartItem>([new CartItem("apple", 1)], cart.Items);
        Assert.Empty(Cart.Empty.Items);
    }

    [Fact]
    public void Add_NewSkuWhenMaxLinesReached_IsRejected()
    {
        var cart = Full();

        var change = cart.Add(new CartItem("one-more", 1));

        Assert.Null(change.Cart);
        Assert.Equal($"the cart already holds {Cart.MaxLines} different items", change.Error);
    }

    [Fact]
    public void Add_ExistingSkuWhenMaxLinesReached_StillMerges()
    {
        var cart = Full();

        var change = cart.Add(new CartItem("sku-0", 1));

        Assert.Equal(Cart.MaxLines, change.Cart!.Items.Length);
        Assert.Equal(2, change.Cart.Items[0].Quantity);
    }

    [Fact]
    public void Add_LineReachingMaxLineQuantity_IsAccepted()
    {
        var cart = Cart.Empty.Add(new CartItem("apple", Cart.MaxLineQuantity - 1)).Cart!;

        var change = cart.Add(new CartItem("apple", 1));

        Assert.Equal(Cart.MaxLineQuantity, change.Cart!.Items.Single().Quantity);
    }

    [Fact]
    public void Add_LineBeyondMaxLineQuantity_IsRejected()
    {
        var cart = Cart.Empty.Add(new CartItem("apple", Cart.MaxLineQuantity)).Cart!;

        var change = cart.Add(new CartItem("apple", 1));

        Assert.Null(change.Cart);
        Assert.Equal($"at most {Cart.MaxLineQuantity} of one item", change.Error);
    }

    [Fact]
    public void Equals_SameItems_IsTrue()
    {
        var a = Cart.Empty.Add(new CartItem("apple", 1)).Cart!;
        var b = Cart.Empty.Add(new CartItem("apple", 1)).Cart!;

        Assert.Equal(a, b);
        Assert.NotEqual(a, Cart.Empty);
    }

    private static Cart Full()
    {
        var cart = Cart.Empty;
        for (var i = 0; i < Cart.MaxLines; i++)
        {
            cart = cart.Add(new CartItem($"sku-{i}", 1)).Cart!;
        }

        Assert.Equal(Cart.MaxLines, cart.Items.Length);
        return cart;
    }
}
