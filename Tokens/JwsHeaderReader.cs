using System.Text.Json;
using System.Text.Unicode;

namespace ClusterSessions.Tokens;

internal static class JwsHeaderReader
{
    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = 16 };

    /// <summary>False for anything but a UTF-8 JSON object whose alg, kid and typ (if present) are strings, each given once.</summary>
    public static bool TryRead(ReadOnlySpan<byte> json, out JwsHeader header)
    {
        header = default;
        if (!Utf8.IsValid(json))
        {
            return false;
        }

        try
        {
            return TryReadObject(json, out header);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return false;
        }
    }

    private static bool TryReadObject(ReadOnlySpan<byte> json, out JwsHeader header)
    {
        header = default;
        var reader = new Utf8JsonReader(json, ReaderOptions);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        string? alg = null, kid = null, typ = null;
        var hasCritical = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            // Two "alg" members could make two parsers disagree about the algorithm (RFC 7515 section 4).
            if (reader.ValueTextEquals("alg"u8))
            {
                if (alg is not null || !ReadString(ref reader, out alg))
                {
                    return false;
                }
            }
            else if (reader.ValueTextEquals("kid"u8))
            {
                if (kid is not null || !ReadString(ref reader, out kid))
                {
                    return false;
                }
            }
            else if (reader.ValueTextEquals("typ"u8))
            {
                if (typ is not null || !ReadString(ref reader, out typ))
                {
                    return false;
                }
            }
            else
            {
                hasCritical |= reader.ValueTextEquals("crit"u8);
                reader.Read();
                reader.Skip();
            }
        }

        if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
        {
            return false;
        }

        header = new JwsHeader(alg, kid, typ, hasCritical);
        return true;
    }

    private static bool ReadString(ref Utf8JsonReader reader, out string? value)
    {
        value = null;
        if (!reader.Read() || reader.TokenType != JsonTokenType.String)
        {
            return false;
        }

        value = reader.GetString();
        return value is not null;
    }
}
