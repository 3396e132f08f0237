namespace ClusterSessions.WebNode.Sessions.Server;

internal enum SessionCookieState
{
    Absent,
    Valid,

    /// <summary>Present but not readable here: garbage, oversized, or protected by another node's key ring.</summary>
    Unreadable,
}
