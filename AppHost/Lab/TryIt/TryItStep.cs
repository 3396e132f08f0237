namespace ClusterSessions.AppHost.Lab.TryIt;

/// <summary>One click of the Try it view: what was asked, which node answered, and whether the session held.</summary>
/// <param name="Status">The HTTP status, or null when the gateway did not answer.</param>
/// <param name="Node">The node that answered (<c>X-Served-By</c>).</param>
internal sealed record TryItStep(
    int Step,
    string Strategy,
    string Action,
    int? Status,
    string? Node,
    string Outcome,
    string Detail,
    string? User,
    int? CartItems,
    double ElapsedMs);
