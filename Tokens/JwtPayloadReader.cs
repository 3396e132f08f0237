using System.Text.Json;
using System.Text.Unicode;

namespace ClusterSessions.Tokens;

/// <summary>
/// Reads the claims this project issues, strictly: every registered claim we write is required, has
/// its JSON type, and appears once. Unknown claims are skipped (RFC 7519 section 4).
/// Error texts are fixed strings, safe for a <c>WWW-Authenticate</c> header.
/// </summary>
internal static class JwtPayloadReader
{
    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = 16 };

    public static bool TryRead(ReadOnlySpan<byte> json, out JwtPayload payload, out string error)
    {
        payload = default;
        if (!Utf8.IsValid(json))
        {
            error = "payload is not UTF-8";
            return false;
        }

        try
        {
            return TryReadObject(json, out payload, out error);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            error = "payload is not valid JSON";
            return false;
        }
    }

    private static bool TryReadObject(ReadOnlySpan<byte> json, out JwtPayload payload, out string error)
    {
        payload = default;
        var reader = new Utf8JsonReader(json, ReaderOptions);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            error = "payload is not a JSON object";
            return false;
        }

        var claims = new JwtClaimValues();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (!claims.TryReadMember(ref reader, out error))
            {
                return false;
            }
        }

        if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
        {
            error = "payload is not a JSON object";
            return false;
        }

        return claims.TryBuild(out payload, out error);
    }
}
