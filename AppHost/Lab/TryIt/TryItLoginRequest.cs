namespace ClusterSessions.AppHost.Lab.TryIt;

/// <summary><c>POST /api/try/{strategy}/login</c> body: <c>{"user":"alice"}</c> (one of the demo users).</summary>
internal sealed record TryItLoginRequest(string? User);
