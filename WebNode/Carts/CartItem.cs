namespace ClusterSessions.WebNode.Carts;

internal sealed record CartItem(string Sku, int Quantity);
