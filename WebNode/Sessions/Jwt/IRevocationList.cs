namespace ClusterSessions.WebNode.Sessions.Jwt;

/// <summary>What makes a stateless token revocable: a shared store, again.</summary>
internal interface IRevocationList
{
    /// <summary><c>true</c> when logout, and logout-all, take effect on every node at once.</summary>
    bool Revokes { get; }

    Task<bool> IsRevokedAsync(string tokenId, string user, DateTimeOffset issuedAt, CancellationToken cancellationToken);

    Task RevokeAsync(string tokenId, DateTimeOffset expires, CancellationToken cancellationToken);

    /// <summary>Every token of <paramref name="user"/> issued before now stops working.</summary>
    Task RevokeAllAsync(string user, CancellationToken cancellationToken);

    /// <summary>
    /// The earliest <c>iat</c> a new token of <paramref name="user"/> may carry to be accepted: after a logout-all in the
    /// current second, the next second (tokens carry whole seconds); otherwise null.
    /// </summary>
    Task<DateTimeOffset?> GetNotBeforeAsync(string user, CancellationToken cancellationToken);
}
