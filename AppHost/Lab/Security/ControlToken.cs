using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace ClusterSessions.AppHost.Lab.Security;

/// <summary>
/// The lab's per-run control token (DESIGN.md § The control contract): scripts send it as <see cref="HeaderName"/>, the
/// page carries it in the <see cref="CookieName"/> cookie it gets from the READY line's <c>/?t=</c> link. A new one
/// every AppHost run, so a link or cookie from an earlier run stops working.
/// </summary>
internal sealed class ControlToken
{
    public const string HeaderName = "X-Control-Token";
    public const string CookieName = "cs_lab";
    public const string QueryName = "t";

    private readonly byte[] _utf8;

    private ControlToken(string value)
    {
        Value = value;
        _utf8 = Encoding.UTF8.GetBytes(value);
    }

    /// <summary>256 random bits, base64url: safe in a URL, a header and a cookie without escaping.</summary>
    public string Value { get; }

    public static ControlToken Create() => new(Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32)));

    /// <summary>
    /// Whether <paramref name="candidate"/> is this token. The comparison takes the same time wherever the first wrong
    /// character is, so answer times do not reveal the token a character at a time.
    /// </summary>
    public bool Matches(string? candidate) =>
        !string.IsNullOrEmpty(candidate) && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(candidate), _utf8);

    /// <summary>Never the token itself: a model or option dumped into a log must not carry it.</summary>
    public override string ToString() => "[control token]";
}
