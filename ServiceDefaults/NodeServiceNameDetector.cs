using Microsoft.Extensions.Configuration;
using OpenTelemetry.Resources;

namespace ClusterSessions.ServiceDefaults;

/// <summary>
/// Names the process after its node (e.g. <c>local-2</c>) when no <c>OTEL_SERVICE_NAME</c> is set, so the nodes of a
/// pool, which all run the same assembly, stay apart in the dashboard instead of merging into one service.
/// </summary>
internal sealed class NodeServiceNameDetector(IConfiguration configuration) : IResourceDetector
{
    public const string ServiceNameVariable = "OTEL_SERVICE_NAME";

    private const string ServiceNameAttribute = "service.name";

    public Resource Detect()
    {
        if (!string.IsNullOrEmpty(configuration[ServiceNameVariable]))
        {
            return Resource.Empty;
        }

        // Read raw, not through validated options: the logger provider builds its resource while the host is being
        // built, and a bad Node:Id must reach RunClusterServiceAsync as a one-line error, not throw from Build().
        var nodeId = configuration[$"{NodeOptions.SectionName}:{nameof(NodeOptions.Id)}"] is { Length: > 0 } configured
            ? configured
            : new NodeOptions().Id;
        return new Resource([new KeyValuePair<string, object>(ServiceNameAttribute, nodeId)]);
    }
}
