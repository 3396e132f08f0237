using Aspire.Hosting;

namespace ClusterSessions.AppHost.Compare;

/// <summary>What the command line asked for: a compare run (<see cref="Options"/> set) or the cluster, and the builder's options.</summary>
internal sealed record CompareInvocation(CompareOptions? Options, DistributedApplicationOptions ApplicationOptions);
