namespace ClusterSessions.AppHost.Compare;

/// <param name="Continuous">The answer showed the user and cart the virtual user expected.</param>
/// <param name="Error">A 5xx or a transport failure.</param>
/// <param name="Checked">A request that shows state (me, cart); logins and logouts are measured but not checked.</param>
internal sealed record RequestSample(DateTimeOffset At, double LatencyMs, int RequestBytes, int Status, string? ServedBy, bool Continuous, bool Error, bool Checked = true);
