namespace ClusterSessions.WebNode.Sessions.Server;

/// <summary>
/// Server-side session storage with sliding expiration. Implementations throw
/// <see cref="SessionStoreUnavailableException"/> when they cannot answer, never return a silent miss.
/// </summary>
internal interface ISessionStore
{
    /// <summary><c>cluster</c> when every node shares this store, <c>node</c> when it is this process's memory.</summary>
    string Scope { get; }

    Task<SessionRecord?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>Writes the record and restarts its idle timeout; a logged-in record is indexed under its user.</summary>
    Task SetAsync(SessionRecord record, CancellationToken cancellationToken);

    Task RemoveAsync(SessionRecord record, CancellationToken cancellationToken);

    /// <summary>Removes every session of <paramref name="user"/> this store holds and returns how many there were.</summary>
    Task<int> RemoveAllForUserAsync(string user, CancellationToken cancellationToken);
}
