namespace ClusterSessions.WebNode.Sessions;

/// <summary>The strategy names of the contract; each is also the pool's path (<c>/local</c>, ...).</summary>
internal static class SessionStrategies
{
    public const string Local = "local";
    public const string Sticky = "sticky";
    public const string Redis = "redis";
    public const string Jwt = "jwt";

    public static readonly IReadOnlyList<string> All = [Local, Sticky, Redis, Jwt];
}
