namespace ClusterSessions.WebNode.Sessions;

/// <summary>What a node does when its shared session store (Redis) cannot be reached: <c>Session:StoreDown</c>.</summary>
internal enum SessionStoreDown
{
    /// <summary>Answer 503 with a JSON reason and <c>Retry-After</c>; nothing is lost, the client retries.</summary>
    Fail,

    /// <summary>
    /// ASP.NET Core session's stock behaviour: log the error and go on as if the store were empty (reads find
    /// nothing, writes are dropped). Users look logged out and carts vanish, silently. The login tickets follow suit.
    /// </summary>
    Silent,
}
