using System.Collections.Concurrent;
using ClusterSessions.WebNode.Sessions.Jwt;

namespace ClusterSessions.Tests.WebNode.Sessions.Jwt;

/// <summary>A deny-list without Redis, for one in-memory node: logout revokes the token's jti.</summary>
internal sealed class InMemoryRevocationList : IRevocationList
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _revoked = new(StringComparer.Ordinal);

    public bool Revokes => true;

    public Task<bool> IsRevokedAsync(string tokenId, string user, DateTimeOffset issuedAt, CancellationToken cancellationToken) =>
        Task.FromResult(_revoked.ContainsKey(tokenId));

    public Task RevokeAsync(string tokenId, DateTimeOffset expires, CancellationToken cancellationToken)
    {
        _revoked[tokenId] = expires;
        return Task.CompletedTask;
    }

    public Task RevokeAllAsync(string user, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<DateTimeOffset?> GetNotBeforeAsync(string user, CancellationToken cancellationToken) =>
        Task.FromResult<DateTimeOffset?>(null);
}
