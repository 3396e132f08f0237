namespace ClusterSessions.ClusterTests.Infrastructure;

/// <summary>What came back on one connection: the responses, and whether the server closed it.</summary>
internal sealed record RawHttpExchange(IReadOnlyList<RawHttpResponse> Responses, bool Closed, string Text);
