using ClusterSessions.WebNode.Carts;

namespace ClusterSessions.WebNode.Api;

internal sealed record CartResponse(IReadOnlyList<CartItem> Items);
