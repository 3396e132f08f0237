namespace ClusterSessions.Tokens;

/// <summary>The JOSE header members the validator acts on.</summary>
internal readonly record struct JwsHeader(string? Algorithm, string? KeyId, string? Type, bool HasCritical);
