using System.Text.Json;

namespace ClusterSessions.Tokens;

/// <summary>Reads one claim value after its property name; false when the JSON type is not the claim's type.</summary>
internal static class JsonClaimReader
{
    // DateTimeOffset.MinValue and MaxValue in Unix seconds: outside them a NumericDate cannot be represented.
    private const long MinUnixSeconds = -62_135_596_800;
    private const long MaxUnixSeconds = 253_402_300_799;

    public static bool TryReadString(ref Utf8JsonReader reader, out string? value)
    {
        value = reader.Read() && reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        return value is not null;
    }

    public static bool TryReadNumericDate(ref Utf8JsonReader reader, out DateTimeOffset? value)
    {
        value = null;
        if (!reader.Read() || reader.TokenType != JsonTokenType.Number)
        {
            return false;
        }

        // RFC 7519 section 2 allows fractional seconds; whole seconds are what we compare.
        if (!reader.TryGetInt64(out var seconds))
        {
            if (!reader.TryGetDouble(out var fractional) || !double.IsFinite(fractional)
                || fractional < MinUnixSeconds || fractional > MaxUnixSeconds)
            {
                return false;
            }

            seconds = (long)Math.Floor(fractional);
        }

        if (seconds is < MinUnixSeconds or > MaxUnixSeconds)
        {
            return false;
        }

        value = DateTimeOffset.FromUnixTimeSeconds(seconds);
        return true;
    }

    public static bool TryReadAudience(ref Utf8JsonReader reader, out List<string>? audiences)
    {
        audiences = null;
        if (!reader.Read())
        {
            return false;
        }

        if (reader.TokenType == JsonTokenType.String)
        {
            audiences = [reader.GetString()!];
            return true;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return false;
        }

        var list = new List<string>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.String)
            {
                return false;
            }

            list.Add(reader.GetString()!);
        }

        audiences = list;
        return true;
    }

    public static bool TryReadCart(ref Utf8JsonReader reader, out List<JwtCartItem>? cart)
    {
        cart = null;
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
        {
            return false;
        }

        var items = new List<JwtCartItem>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartArray
                || !TryReadString(ref reader, out var sku)
                || !reader.Read() || reader.TokenType != JsonTokenType.Number || !reader.TryGetInt32(out var quantity)
                || !reader.Read() || reader.TokenType != JsonTokenType.EndArray)
            {
                return false;
            }

            items.Add(new JwtCartItem(sku!, quantity));
        }

        cart = items;
        return true;
    }
}
