namespace ClusterSessions.AppHost.Compare;

/// <summary>The virtual users of one scenario, by strategy; disposing it closes every user's connections.</summary>
internal sealed class VirtualUserGroup(Dictionary<string, List<VirtualUser>> byStrategy) : IDisposable
{
    public IReadOnlyDictionary<string, List<VirtualUser>> ByStrategy { get; } = byStrategy;

    public IEnumerable<VirtualUser> All => ByStrategy.Values.SelectMany(u => u);

    public void Dispose()
    {
        foreach (var user in All)
        {
            user.Dispose();
        }
    }
}
