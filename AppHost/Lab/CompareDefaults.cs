using ClusterSessions.AppHost.Compare;

namespace ClusterSessions.AppHost.Lab;

/// <summary>The Compare view's starting values: the command line's own defaults, so both measure the same thing.</summary>
internal sealed record CompareDefaults(int Users, int Requests)
{
    public static CompareDefaults Instance { get; } = new(new CompareOptions().Users, new CompareOptions().Requests);
}
