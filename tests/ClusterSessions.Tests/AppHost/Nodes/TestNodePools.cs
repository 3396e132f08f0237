using Aspire.Hosting.ApplicationModel;
using ClusterSessions.AppHost.Cluster;
using ClusterSessions.AppHost.Nodes;

namespace ClusterSessions.Tests.AppHost.Nodes;

/// <summary>Node pools built directly, as the AppHost's <c>AddNodePool</c> would describe them, without Aspire or a process.</summary>
internal static class TestNodePools
{
    /// <summary><c>{strategy}-1</c> … <c>{strategy}-N</c>, then <paramref name="spares"/> spares, each on a port of its own.</summary>
    public static NodePool Create(string strategy, int nodes, int spares)
    {
        var pool = new NodePool(strategy);
        for (var i = 1; i <= nodes + spares; i++)
        {
            var name = $"{strategy}-{i}";
            var resource = new DetachedResourceBuilder(new ExecutableResource(name, "dotnet", Path.GetTempPath()));
            pool.Add(new NodeEndpoint(name, FreePorts.Allocate(), FreePorts.Allocate(), Spare: i > nodes), resource);
        }

        return pool;
    }
}
