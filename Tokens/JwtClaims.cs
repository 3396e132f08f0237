namespace ClusterSessions.Tokens;

/// <summary>
/// What a token says about its holder. Issuer and audience are not here: they come from
/// <see cref="JwtOptions"/> and a token only validates when they match.
/// </summary>
public sealed record JwtClaims
{
    /// <summary><c>sub</c>: the user id.</summary>
    public required string Subject { get; init; }

    /// <summary><c>name</c>: the display name.</summary>
    public required string Name { get; init; }

    /// <summary><c>cart</c>: omitted from the token when empty.</summary>
    public IReadOnlyList<JwtCartItem> Cart { get; init; } = [];

    /// <summary><c>jti</c>: 128 random bits, base64url; the deny-list key on logout.</summary>
    public required string TokenId { get; init; }

    /// <summary><c>iat</c>, whole seconds.</summary>
    public required DateTimeOffset IssuedAt { get; init; }

    /// <summary><c>nbf</c>, whole seconds.</summary>
    public required DateTimeOffset NotBefore { get; init; }

    /// <summary><c>exp</c>, whole seconds.</summary>
    public required DateTimeOffset Expires { get; init; }
}
