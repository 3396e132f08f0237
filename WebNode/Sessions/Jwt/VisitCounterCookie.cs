using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace ClusterSessions.WebNode.Sessions.Jwt;

/// <summary>
/// The <c>jwt</c> pool has no server-side store, so the per-visitor counter travels too: <c>{count}.{HMAC}</c>,
/// signed with a secret every jwt node derives from the shared signing key. A forged or garbled cookie counts from zero.
/// </summary>
internal sealed class VisitCounterCookie(JwtKeys keys)
{
    public const string Name = "cs_visits";
    private const int MaxLength = 128;

    public long Read(HttpContext context)
    {
        if (!context.Request.Cookies.TryGetValue(Name, out var value) || value.Length is 0 or > MaxLength)
        {
            return 0;
        }

        var dot = value.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || !long.TryParse(value.AsSpan(0, dot), NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            return 0;
        }

        byte[] presented;
        try
        {
            presented = WebEncoders.Base64UrlDecode(value, dot + 1, value.Length - dot - 1);
        }
        catch (FormatException)
        {
            return 0;
        }

        return CryptographicOperations.FixedTimeEquals(presented, Sign(count)) ? count : 0;
    }

    public void Write(HttpContext context, long count) =>
        context.Response.Cookies.Append(
            Name,
            $"{count.ToString(CultureInfo.InvariantCulture)}.{WebEncoders.Base64UrlEncode(Sign(count))}",
            PoolCookies.Options(context));

    private byte[] Sign(long count) =>
        HMACSHA256.HashData(keys.VisitCounterSecret, Encoding.ASCII.GetBytes(count.ToString(CultureInfo.InvariantCulture)));
}
