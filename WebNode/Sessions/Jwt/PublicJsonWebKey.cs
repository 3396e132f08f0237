namespace ClusterSessions.WebNode.Sessions.Jwt;

/// <summary>A public verification key as RFC 7517 writes it: only what a verifier needs, never a private member.</summary>
internal sealed record PublicJsonWebKey(string Kty, string Crv, string X, string Y, string Kid, string Alg, string Use);
