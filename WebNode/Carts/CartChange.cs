namespace ClusterSessions.WebNode.Carts;

internal sealed record CartChange(Cart? Cart, string? Error)
{
    public static CartChange Accepted(Cart cart) => new(cart, null);

    public static CartChange Rejected(string error) => new(null, error);
}
