using System.Buffers;

namespace ClusterSessions.Tokens;

/// <summary>
/// Strict base64url for JWS segments (RFC 7515 section 2): no padding, no whitespace, no '+' or '/',
/// and zero unused trailing bits. The framework decoders accept all of those, which would give one
/// token several spellings, so a flipped last character could still verify.
/// </summary>
internal static class Base64UrlSegment
{
    private static readonly SearchValues<char> Alphabet =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");

    public static bool IsCanonical(ReadOnlySpan<char> text)
    {
        var remainder = text.Length % 4;
        if (remainder == 1 || text.ContainsAnyExcept(Alphabet))
        {
            return false;
        }

        return remainder switch
        {
            2 => (ValueOf(text[^1]) & 0x0F) == 0,
            3 => (ValueOf(text[^1]) & 0x03) == 0,
            _ => true,
        };
    }

    /// <summary>The decoded size of a canonical segment.</summary>
    public static int DecodedLength(int chars) => (chars / 4 * 3) + Math.Max(0, (chars % 4) - 1);

    private static int ValueOf(char c) => c switch
    {
        >= 'A' and <= 'Z' => c - 'A',
        >= 'a' and <= 'z' => c - 'a' + 26,
        >= '0' and <= '9' => c - '0' + 52,
        '-' => 62,
        _ => 63,
    };
}
