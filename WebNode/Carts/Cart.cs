using System.Collections.Immutable;

namespace ClusterSessions.WebNode.Carts;

/// <summary>An immutable cart: one line per SKU, adding an existing SKU adds to its quantity.</summary>
internal sealed record Cart(ImmutableArray<CartItem> Items)
{
    public const int MaxLines = 100;
    public const int MaxLineQuantity = 999;

    public static readonly Cart Empty = new(ImmutableArray<CartItem>.Empty);

    /// <summary>Adds <paramref name="item"/>, or returns the reason it cannot be added (the cart is then unchanged).</summary>
    public CartChange Add(CartItem item)
    {
        var index = IndexOf(item.Sku);
        if (index < 0)
        {
            return Items.Length >= MaxLines
                ? CartChange.Rejected($"the cart already holds {MaxLines} different items")
                : CartChange.Accepted(new Cart(Items.Add(item)));
        }

        var quantity = Items[index].Quantity + item.Quantity;
        return quantity > MaxLineQuantity
            ? CartChange.Rejected($"at most {MaxLineQuantity} of one item")
            : CartChange.Accepted(new Cart(Items.SetItem(index, item with { Quantity = quantity })));
    }

    private int IndexOf(string sku)
    {
        for (var i = 0; i < Items.Length; i++)
        {
            if (Items[i].Sku == sku)
            {
                return i;
            }
        }

        return -1;
    }

    public bool Equals(Cart? other) => other is not null && Items.SequenceEqual(other.Items);

    public override int GetHashCode() => Items.Length;
}
