namespace ClusterSessions.Hosting.Dashboard.Logs;

/// <summary>A console line as the Logs view shows it, with the level read from the line.</summary>
/// <param name="Level"><c>trce</c>, <c>dbug</c>, <c>info</c>, <c>warn</c>, <c>fail</c> or <c>crit</c>.</param>
internal sealed record LogLineView(long Sequence, DateTimeOffset Timestamp, string Level, bool IsError, string Text);
