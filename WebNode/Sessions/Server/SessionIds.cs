using System.Buffers.Text;
using System.Security.Cryptography;

namespace ClusterSessions.WebNode.Sessions.Server;

internal static class SessionIds
{
    /// <summary>256 random bits, base64url: unguessable, and safe as a Redis key part.</summary>
    public static string New() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static bool IsWellFormed(string id) =>
        id.Length == 43 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
