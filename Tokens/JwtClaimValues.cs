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
            return TryReadString(ref reader, "iss", ref _issuer, out error);
        }

        if (reader.ValueTextEquals("aud"u8))
        {
            return Once(_audiences, "aud", out error) && Check(JsonClaimReader.TryReadAudience(ref reader, out _audiences), "claim aud must be a string or an array of strings", out error);
        }

        if (reader.ValueTextEquals("sub"u8))
        {
            return TryReadString(ref reader, "sub", ref _subject, out error);
        }

        if (reader.ValueTextEquals("name"u8))
        {
            return TryReadString(ref reader, "name", ref _name, out error);
        }

        if (reader.ValueTextEquals("jti"u8))
        {
            return TryReadString(ref reader, "jti", ref _tokenId, out error);
        }

        if (reader.ValueTextEquals("iat"u8))
        {
            return TryReadNumericDate(ref reader, "iat", ref _issuedAt, out error);
        }

        if (reader.ValueTextEquals("nbf"u8))
        {
            return TryReadNumericDate(ref reader, "nbf", ref _notBefore, out error);
        }

        if (reader.ValueTextEquals("exp"u8))
        {
            return TryReadNumericDate(ref reader, "exp", ref _expires, out error);
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

    private static bool TryReadString(ref Utf8JsonReader reader, string claim, ref string? value, out string error)
    {
        if (!Once(value, claim, out error))
        {
            return false;
        }

        // The message is built only on failure: this runs for every claim of every request's token.
        return JsonClaimReader.TryReadString(ref reader, out value) || Fail($"claim {claim} must be a string", out error);
    }

    private static bool TryReadNumericDate(ref Utf8JsonReader reader, string claim, ref DateTimeOffset? value, out string error)
    {
        if (!Once(value, claim, out error))
        {
            return false;
        }

        return JsonClaimReader.TryReadNumericDate(ref reader, out value) || Fail($"claim {claim} must be a NumericDate", out error);
    }

    private static bool Fail(string message, out string error)
    {
        error = message;
        return false;
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
