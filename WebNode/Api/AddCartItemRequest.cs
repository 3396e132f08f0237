using System.Text.RegularExpressions;
using ClusterSessions.WebNode.Carts;

namespace ClusterSessions.WebNode.Api;

internal sealed partial record AddCartItemRequest(string Sku, int Quantity)
{
    public const int MaxQuantity = 100;

    public string? Validate() =>
        !SkuPattern().IsMatch(Sku) ? "sku must be 1-32 characters: letters, digits, '.', '_' or '-'"
        : Quantity is < 1 or > MaxQuantity ? $"quantity must be between 1 and {MaxQuantity}"
        : null;

    public CartItem ToCartItem() => new(Sku, Quantity);

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,31}\\z")]
    private static partial Regex SkuPattern();
}
