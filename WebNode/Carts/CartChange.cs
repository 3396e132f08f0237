namespace ClusterSessions.WebNode.Carts;

/// <param name="Status">The HTTP status of a rejection: 400 for a rule of the cart, 413 when the state would not fit where it travels.</param>
/// <param name="Token">A re-issued token that now carries the cart (the <c>jwt</c> strategy).</param>
internal sealed record CartChange(Cart? Cart, string? Error, int Status = StatusCodes.Status200OK, string? Token = null)
{
    public static CartChange Accepted(Cart cart, string? token = null) => new(cart, null, StatusCodes.Status200OK, token);

    public static CartChange Rejected(string error) => new(null, error, StatusCodes.Status400BadRequest);

    public static CartChange TooLarge(string error) => new(null, error, StatusCodes.Status413PayloadTooLarge);
}
