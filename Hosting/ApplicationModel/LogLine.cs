namespace ClusterSessions.Hosting.ApplicationModel;

/// <param name="Sequence">Increases by one per line of the resource, across restarts: a client resumes after the last it saw.</param>
public sealed record LogLine(long Sequence, DateTimeOffset Timestamp, bool IsError, string Text);
