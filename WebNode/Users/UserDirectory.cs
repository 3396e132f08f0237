using Microsoft.AspNetCore.Identity;

namespace ClusterSessions.WebNode.Users;

internal sealed class UserDirectory
{
    private readonly PasswordHasher<DemoUser> _hasher = new();
    private readonly Dictionary<string, DemoUser> _users = DemoUsers.All.ToDictionary(u => u.Name, StringComparer.Ordinal);

    /// <summary>Returns the user when the password matches. Runs one PBKDF2 verification either way (no user-name oracle by timing).</summary>
    public DemoUser? Verify(string userName, string password)
    {
        var found = _users.GetValueOrDefault(userName);
        var candidate = found ?? DemoUsers.Decoy;
        var result = _hasher.VerifyHashedPassword(candidate, candidate.PasswordHash, password);
        return found is not null && result != PasswordVerificationResult.Failed ? found : null;
    }

    public bool Exists(string userName) => _users.ContainsKey(userName);
}
