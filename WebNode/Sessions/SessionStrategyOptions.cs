namespace ClusterSessions.WebNode.Sessions;

/// <summary>Bound from <c>Session:*</c> (the AppHost sets <c>Session__Strategy</c>).</summary>
internal sealed class SessionStrategyOptions
{
    public const string SectionName = "Session";

    /// <summary><c>local</c>, <c>sticky</c>, <c>redis</c> or <c>jwt</c>.</summary>
    public string Strategy { get; set; } = "";

    /// <summary>A server-side session idle longer than this is gone (sliding).</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(20);

    public string CookieName { get; set; } = "cs_session";
}
