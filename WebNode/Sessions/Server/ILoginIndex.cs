namespace ClusterSessions.WebNode.Sessions.Server;

/// <summary>Which logins (login-ticket keys) each user holds, so "log out everywhere" can find them.</summary>
internal interface ILoginIndex
{
    /// <summary><c>cluster</c> when the index and the tickets are shared by every node, <c>node</c> when they are this process's memory.</summary>
    string Scope { get; }

    Task AddAsync(string user, string ticketKey, CancellationToken cancellationToken);

    /// <summary>Removes every stored login of <paramref name="user"/> and returns how many still existed.</summary>
    Task<int> EndAllAsync(string user, CancellationToken cancellationToken);
}
