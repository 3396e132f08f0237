namespace ClusterSessions.WebNode.Sessions.Jwt;

/// <summary>With the deny-list on and Redis down (<c>Jwt:RevocationStoreDown</c>).</summary>
internal enum RevocationStoreDown
{
    /// <summary>Answer 503: a token that was logged out must not work again just because the store is unreachable.</summary>
    FailClosed,

    /// <summary>Keep serving and accept that risk, with a warning per accepted request.</summary>
    FailOpen,
}
