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
}
