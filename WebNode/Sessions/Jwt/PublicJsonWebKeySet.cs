namespace ClusterSessions.WebNode.Sessions.Jwt;

internal sealed record PublicJsonWebKeySet(IReadOnlyList<PublicJsonWebKey> Keys);
