namespace ClusterSessions.AppHost.Lab.TryIt;

/// <summary>What one visitor's session on one strategy should look like, if the strategy kept it: the judge's memory.</summary>
internal sealed class TryItState
{
    /// <summary>Who the visitor logged in as; null before login and after logout.</summary>
    public string? ExpectedUser { get; set; }

    /// <summary>Items the cart should hold; null until the first cart answer after login shows a starting point.</summary>
    public int? ExpectedCartItems { get; set; }

    /// <summary>Steps taken so far; numbers the steps on the page.</summary>
    public int Steps { get; set; }

    public void Reset()
    {
        ExpectedUser = null;
        ExpectedCartItems = null;
        Steps = 0;
    }
}
