using System.Collections.Immutable;
using ClusterSessions.WebNode.Carts;

namespace ClusterSessions.WebNode.Sessions.Server;

/// <summary>What a server-side session holds. Stored as JSON (Redis) or as the object itself (node memory).</summary>
internal sealed record SessionRecord
{
    public required string Id { get; init; }

    /// <summary>The logged-in user; null for an anonymous session (the visit counter needs no login).</summary>
    public string? User { get; init; }

    public ImmutableArray<CartItem> Cart { get; init; } = [];

    public long Visits { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }
}
