namespace ClusterSessions.WebNode.Sessions;

/// <summary>The shared store cannot be reached. Answered as 503 with <c>Retry-After</c>, never as a silent new session.</summary>
internal sealed class SessionStoreUnavailableException(string message, Exception? innerException = null)
    : Exception(message, innerException);
