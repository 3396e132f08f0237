namespace ClusterSessions.ServiceDefaults;

/// <summary>Who this process is in the cluster. The AppHost sets these as <c>Node__Id</c> and <c>Node__PathBase</c>.</summary>
public sealed class NodeOptions
{
    public const string SectionName = "Node";

    /// <summary>Reported in <c>X-Served-By</c> and in every log line, e.g. <c>redis-2</c>.</summary>
    public string Id { get; set; } = Environment.MachineName.ToLowerInvariant();

    /// <summary>The path the gateway routes to this process, e.g. <c>/local</c>; empty when served at the root.</summary>
    public string PathBase { get; set; } = "";
}
