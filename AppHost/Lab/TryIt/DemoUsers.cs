namespace ClusterSessions.AppHost.Lab.TryIt;

/// <summary>The demo users of the README, whose passwords the Try it view may type for the visitor.</summary>
internal static class DemoUsers
{
    public static readonly IReadOnlyList<string> Names = ["alice", "bob", "carol"];

    public static bool IsKnown(string? name) => name is not null && Names.Contains(name);

    public static string Password(string name) => $"{name}-secret";
}
