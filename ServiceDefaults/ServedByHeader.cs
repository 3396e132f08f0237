namespace ClusterSessions.ServiceDefaults;

public static class ServedByHeader
{
    /// <summary>Names the process that produced a response, e.g. <c>local-2</c>.</summary>
    public const string Name = "X-Served-By";
}
