using System.Text.Encodings.Web;
using System.Text.Json;

namespace ClusterSessions.Tokens;

internal static class JwtPayloadWriter
{
    // The JSON is base64url-encoded and never embedded in HTML, so HTML-safe escaping would only
    // inflate the token (a 'é' would cost 6 bytes instead of 2).
    internal static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly JsonEncodedText Iss = JsonEncodedText.Encode("iss");
    private static readonly JsonEncodedText Aud = JsonEncodedText.Encode("aud");
    private static readonly JsonEncodedText Sub = JsonEncodedText.Encode("sub");
    private static readonly JsonEncodedText Name = JsonEncodedText.Encode("name");
    private static readonly JsonEncodedText Iat = JsonEncodedText.Encode("iat");
    private static readonly JsonEncodedText Nbf = JsonEncodedText.Encode("nbf");
    private static readonly JsonEncodedText Exp = JsonEncodedText.Encode("exp");
    private static readonly JsonEncodedText Jti = JsonEncodedText.Encode("jti");
    private static readonly JsonEncodedText Cart = JsonEncodedText.Encode("cart");

    public static void WriteHeader(Utf8JsonWriter writer, string algorithm, string keyId, string type)
    {
        writer.WriteStartObject();
        writer.WriteString("alg"u8, algorithm);
        writer.WriteString("kid"u8, keyId);
        writer.WriteString("typ"u8, type);
        writer.WriteEndObject();
    }

    public static void WritePayload(Utf8JsonWriter writer, string issuer, string audience, JwtClaims claims)
    {
        writer.WriteStartObject();
        writer.WriteString(Iss, issuer);
        writer.WriteString(Aud, audience);
        writer.WriteString(Sub, claims.Subject);
        writer.WriteString(Name, claims.Name);
        writer.WriteNumber(Iat, claims.IssuedAt.ToUnixTimeSeconds());
        writer.WriteNumber(Nbf, claims.NotBefore.ToUnixTimeSeconds());
        writer.WriteNumber(Exp, claims.Expires.ToUnixTimeSeconds());
        writer.WriteString(Jti, claims.TokenId);

        // [["sku",qty],...] instead of [{"sku":..,"quantity":..}] halves the bytes per item; an empty cart is omitted.
        if (claims.Cart.Count > 0)
        {
            writer.WriteStartArray(Cart);
            foreach (var item in claims.Cart)
            {
                writer.WriteStartArray();
                writer.WriteStringValue(item.Sku);
                writer.WriteNumberValue(item.Quantity);
                writer.WriteEndArray();
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }
}
