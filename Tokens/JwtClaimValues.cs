using System.Text.Json;

namespace ClusterSessions.Tokens;

/// <summary>Collects claim values while reading; a null field means "not seen yet", so duplicates are detected for free.</summary>
internal ref struct JwtClaimValues
{
    private string? _issuer;
    private List<string>? _audiences;
    private string? _subject;
    private string? _name;
    private string? _tokenId;
    private DateTimeOffset? _issuedAt;
    private DateTimeOffset? _notBefore;
    private DateTimeOffset? _expires;
    private List<JwtCartItem>? _cart;

    public bool TryReadMember(ref Utf8JsonReader reader, out string error)
    {
        error = "";
        if (reader.ValueTextEquals("iss"u8))
        {
            return Once(_issuer, "iss", out error) && Check(JsonClaimReader.TryReadString(ref reader, out _issuer), "claim iss must be a string", out error);
        }

        if (reader.ValueTextEquals("aud"u8))
        {
            return Once(_audiences, "aud", out error) && Check(JsonClaimReader.TryReadAudience(ref reader, out _audiences), "claim aud must be a string or an array of strings", out error);
        }

        if (reader.ValueTextEquals("sub"u8))
        {
            return Once(_subject, "sub", out error) && Check(JsonClaimReader.TryReadString(ref reader, out _subject), "claim sub must be a string", out error);
        }

        if (reader.ValueTextEquals("name"u8))
        {
            return Once(_name, "name", out error) && Check(JsonClaimReader.TryReadString(ref reader, out _name), "claim name must be a string", out error);
        }

        if (reader.ValueTextEquals("jti"u8))
        {
            return Once(_tokenId, "jti", out error) && Check(JsonClaimReader.TryReadString(ref reader, out _tokenId), "claim jti must be a string", out error);
        }

        if (reader.ValueTextEquals("iat"u8))
        {
            return Once(_issuedAt, "iat", out error) && Check(JsonClaimReader.TryReadNumericDate(ref reader, out _issuedAt), "claim iat must be a NumericDate", out error);
        }

        if (reader.ValueTextEquals("nbf"u8))
        {
            return Once(_notBefore, "nbf", out error) && Check(JsonClaimReader.TryReadNumericDate(ref reader, out _notBefore), "claim nbf must be a NumericDate", out error);
        }

        if (reader.ValueTextEquals("exp"u8))
        {
            return Once(_expires, "exp", out error) && Check(JsonClaimReader.TryReadNumericDate(ref reader, out _expires), "claim exp must be a NumericDate", out error);
        }

        if (reader.ValueTextEquals("cart"u8))
        {
            return Once(_cart, "cart", out error) && Check(JsonClaimReader.TryReadCart(ref reader, out _cart), "claim cart must be an array of [sku, quantity] pairs", out error);
        }

        reader.Read();
        reader.Skip();
        return true;
    }

    public readonly bool TryBuild(out JwtPayload payload, out string error)
    {
        payload = default;
        var missing = _issuer is null ? "iss"
            : _audiences is null ? "aud"
            : _subject is null ? "sub"
            : _name is null ? "name"
            : _tokenId is null ? "jti"
            : _issuedAt is null ? "iat"
            : _notBefore is null ? "nbf"
            : _expires is null ? "exp"
            : null;
        if (missing is not null)
        {
            error = $"claim {missing} is missing";
            return false;
        }

        var claims = new JwtClaims
        {
            Subject = _subject!,
            Name = _name!,
            Cart = _cart ?? [],
            TokenId = _tokenId!,
            IssuedAt = _issuedAt!.Value,
            NotBefore = _notBefore!.Value,
            Expires = _expires!.Value,
        };
        payload = new JwtPayload(claims, _issuer!, _audiences!);
        error = "";
        return true;
    }

    private static bool Once(object? current, string claim, out string error)
    {
        error = current is null ? "" : $"claim {claim} appears twice";
        return current is null;
    }

    private static bool Check(bool ok, string message, out string error)
    {
        error = ok ? "" : message;
        return ok;
    }
}
