namespace ClusterSessions.Tokens;

/// <summary>One cart line; in the token it is the two-element array <c>["sku",quantity]</c> to keep tokens small.</summary>
public sealed record JwtCartItem(string Sku, int Quantity);
