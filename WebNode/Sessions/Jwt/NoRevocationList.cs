namespace ClusterSessions.WebNode.Sessions.Jwt;

/// <summary><c>Jwt:Revocation=None</c>: a token is valid until it expires, whatever happens to the login.</summary>
internal sealed class NoRevocationList : IRevocationList
{
    public bool Revokes => false;

    public Task<bool> IsRevokedAsync(string tokenId, string user, DateTimeOffset issuedAt, CancellationToken cancellationToken) =>
        Task.FromResult(false);

    public Task RevokeAsync(string tokenId, DateTimeOffset expires, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task RevokeAllAsync(string user, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<DateTimeOffset?> GetNotBeforeAsync(string user, CancellationToken cancellationToken) =>
        Task.FromResult<DateTimeOffset?>(null);
}
