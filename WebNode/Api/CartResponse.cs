using ClusterSessions.WebNode.Carts;

namespace ClusterSessions.WebNode.Api;

/// <param name="Token">The re-issued token, on the <c>jwt</c> pool: a bearer client must use it from now on.</param>
internal sealed record CartResponse(IReadOnlyList<CartItem> Items, string? Token = null);
