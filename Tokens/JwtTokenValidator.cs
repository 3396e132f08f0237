using System.Buffers;
using System.Buffers.Text;
using System.Text;

namespace ClusterSessions.Tokens;

/// <summary>
/// Validates compact JWS tokens per RFC 8725. Never throws for bad input: every problem is a
/// <see cref="TokenValidationResult"/> failure. Thread-safe.
/// </summary>
public sealed class JwtTokenValidator
{
    private const int MaxSignatureBytes = 64;

    private readonly JwtKeySet _keys;
    private readonly JwtOptions _options;
    private readonly TimeProvider _timeProvider;

    public JwtTokenValidator(JwtKeySet keys, JwtOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _keys = keys;
        _options = options;
        _timeProvider = timeProvider;
    }

    public TokenValidationResult Validate(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return Fail(TokenValidationFailure.Malformed, "token is empty");
        }

        // Before any decoding: the work done for a hostile token stays bounded by this limit.
        if (token.Length > _options.MaxTokenBytes)
        {
            return Fail(TokenValidationFailure.Oversized, $"token is longer than {_options.MaxTokenBytes} bytes");
        }

        var text = token.AsSpan();
        var firstDot = text.IndexOf('.');
        var secondDot = firstDot < 0 ? -1 : text[(firstDot + 1)..].IndexOf('.') + firstDot + 1;
        if (firstDot <= 0 || secondDot <= firstDot + 1 || text[(secondDot + 1)..].Contains('.'))
        {
            return Fail(TokenValidationFailure.Malformed, "token is not three segments");
        }

        var headerText = text[..firstDot];
        var payloadText = text[(firstDot + 1)..secondDot];
        var signatureText = text[(secondDot + 1)..];
        if (!Base64UrlSegment.IsCanonical(headerText) || !Base64UrlSegment.IsCanonical(payloadText)
            || !Base64UrlSegment.IsCanonical(signatureText))
        {
            return Fail(TokenValidationFailure.Malformed, "token is not base64url");
        }

        // One buffer: the ASCII signing input, then the decoded header, then the decoded payload.
        var rented = ArrayPool<byte>.Shared.Rent(secondDot + headerText.Length + payloadText.Length);
        try
        {
            return Validate(text, firstDot, secondDot, rented);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private static TokenValidationResult Fail(TokenValidationFailure failure, string message) =>
        TokenValidationResult.Fail(failure, message);

    private TokenValidationResult Validate(ReadOnlySpan<char> text, int firstDot, int secondDot, byte[] buffer)
    {
        var signingInput = buffer.AsSpan(0, secondDot);
        Encoding.ASCII.GetBytes(text[..secondDot], signingInput);

        var headerJson = buffer.AsSpan(secondDot, Base64UrlSegment.DecodedLength(firstDot));
        Base64Url.DecodeFromUtf8(signingInput[..firstDot], headerJson);
        if (!JwsHeaderReader.TryRead(headerJson, out var header))
        {
            return Fail(TokenValidationFailure.Malformed, "header is not a JSON object with string alg, kid and typ");
        }

        // RFC 7515 section 4.1.11: an extension we do not understand listed as critical means reject.
        if (header.HasCritical)
        {
            return Fail(TokenValidationFailure.UnsupportedCriticalHeader, "critical header extensions are not supported");
        }

        if (!string.Equals(header.Type, _options.TokenType, StringComparison.OrdinalIgnoreCase))
        {
            return Fail(TokenValidationFailure.WrongType, $"token type must be {_options.TokenType}");
        }

        if (!JwtAlgorithms.IsSupported(header.Algorithm))
        {
            return Fail(TokenValidationFailure.AlgorithmMismatch, $"algorithm must be {JwtAlgorithms.ES256} or {JwtAlgorithms.HS256}");
        }

        // kid only selects among configured keys; it is never a reason to trust a key from the token.
        if (header.KeyId is null)
        {
            return Fail(TokenValidationFailure.UnknownKey, "token has no key id");
        }

        if (!_keys.TryGetKey(header.KeyId, out var key))
        {
            return Fail(TokenValidationFailure.UnknownKey, "unknown key id");
        }

        // The key decides the algorithm, never the token (RFC 8725 section 3.1): this is what stops
        // an HS256 token "signed" with an EC public key.
        if (!string.Equals(header.Algorithm, key.Algorithm, StringComparison.Ordinal))
        {
            return Fail(TokenValidationFailure.AlgorithmMismatch, "algorithm does not match the key");
        }

        var signatureText = text[(secondDot + 1)..];
        var signatureLength = Base64UrlSegment.DecodedLength(signatureText.Length);
        if (signatureLength != key.SignatureSize || signatureLength > MaxSignatureBytes)
        {
            return Fail(TokenValidationFailure.BadSignature, "signature is invalid");
        }

        Span<byte> signature = stackalloc byte[MaxSignatureBytes];
        signature = signature[..signatureLength];
        Base64Url.DecodeFromChars(signatureText, signature);
        if (!key.Verify(signingInput, signature))
        {
            return Fail(TokenValidationFailure.BadSignature, "signature is invalid");
        }

        var payloadJson = buffer.AsSpan(secondDot + headerJson.Length, Base64UrlSegment.DecodedLength(secondDot - firstDot - 1));
        Base64Url.DecodeFromUtf8(signingInput[(firstDot + 1)..], payloadJson);
        if (!JwtPayloadReader.TryRead(payloadJson, out var payload, out var error))
        {
            return Fail(TokenValidationFailure.Malformed, error);
        }

        return CheckClaims(payload, key.Id);
    }

    private TokenValidationResult CheckClaims(JwtPayload payload, string keyId)
    {
        if (!string.Equals(payload.Issuer, _options.Issuer, StringComparison.Ordinal))
        {
            return Fail(TokenValidationFailure.WrongIssuer, "wrong issuer");
        }

        if (!payload.Audiences.Contains(_options.Audience, StringComparer.Ordinal))
        {
            return Fail(TokenValidationFailure.WrongAudience, "wrong audience");
        }

        // Compared in ticks: adding the skew to a far-future exp could overflow DateTimeOffset.
        var now = _timeProvider.GetUtcNow().UtcTicks;
        var skew = _options.ClockSkew.Ticks;
        if (now - skew >= payload.Claims.Expires.UtcTicks)
        {
            return Fail(TokenValidationFailure.Expired, "token expired");
        }

        if (now + skew < payload.Claims.NotBefore.UtcTicks)
        {
            return Fail(TokenValidationFailure.NotYetValid, "token is not valid yet");
        }

        return TokenValidationResult.Success(payload.Claims, keyId);
    }
}
