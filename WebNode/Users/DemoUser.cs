namespace ClusterSessions.WebNode.Users;

/// <summary>A demo account. Only the PBKDF2 hash of the password is kept (ASP.NET Core Identity's V3 format).</summary>
internal sealed record DemoUser(string Name, string PasswordHash);
