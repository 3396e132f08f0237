namespace ClusterSessions.WebNode.Sessions;

/// <summary>Bound from <c>Session:*</c> (the AppHost sets <c>Session__Strategy</c>).</summary>
internal sealed class SessionStrategyOptions
{
    public const string SectionName = "Session";

    /// <summary>Required; <c>local</c>, <c>sticky</c>, <c>redis</c> or <c>jwt</c>.</summary>
    public SessionStrategy? Strategy { get; set; }

    /// <summary>A login or session idle longer than this is gone (sliding).</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(20);

    /// <summary>The <c>redis</c> pool's answer to a Redis outage.</summary>
    public SessionStoreDown StoreDown { get; set; } = SessionStoreDown.Fail;
}
