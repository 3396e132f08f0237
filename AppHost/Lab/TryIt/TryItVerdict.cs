namespace ClusterSessions.AppHost.Lab.TryIt;

/// <summary>What one answer meant for the visitor's session.</summary>
/// <param name="Outcome">One of the <see cref="TryItOutcomes"/>: the step's colour on the page.</param>
/// <param name="Detail">One short sentence for people.</param>
/// <param name="User">The user the answer names, if any.</param>
/// <param name="CartItems">Items in the cart the answer shows, if any.</param>
internal sealed record TryItVerdict(string Outcome, string Detail, string? User = null, int? CartItems = null);
