using System.Security.Claims;

namespace ClusterSessions.WebNode.Sessions.Jwt;

/// <summary>What a successful validation produced: the identity (cloned for each request) and <c>exp</c> (UTC).</summary>
internal sealed record ValidatedToken(ClaimsIdentity Identity, string? Issuer, DateTime Expires);
