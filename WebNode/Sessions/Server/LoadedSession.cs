namespace ClusterSessions.WebNode.Sessions.Server;

/// <summary>The session of the current request, loaded once (a request feature).</summary>
internal sealed class LoadedSession(SessionCookieState cookieState, SessionRecord? record)
{
    public SessionCookieState CookieState { get; } = cookieState;

    public SessionRecord? Record { get; set; } = record;
}
