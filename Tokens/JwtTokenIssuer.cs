using System.Buffers;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace ClusterSessions.Tokens;

/// <summary>Signs tokens with the key set's signing key (the last key listed). Thread-safe.</summary>
public sealed class JwtTokenIssuer
{
    private const int TokenIdBytes = 16;

    private readonly JwtOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly JwtSigningKey _signingKey;
    private readonly byte[] _headerSegment;

    public JwtTokenIssuer(JwtKeySet keys, JwtOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _options = options;
        _timeProvider = timeProvider;
        _signingKey = keys.SigningKey;
        if (!_signingKey.CanSign)
        {
            throw new JwtKeyException(_signingKey.Id, nameof(JwtKeyDescriptor.Key), $"signing key '{_signingKey.Id}' has no private key");
        }

        // The header is the same for every token of this key, so it is encoded once.
        var header = new ArrayBufferWriter<byte>(64);
        using (var writer = new Utf8JsonWriter(header, JwtPayloadWriter.WriterOptions))
        {
            JwtPayloadWriter.WriteHeader(writer, _signingKey.Algorithm, _signingKey.Id, options.TokenType);
        }

        _headerSegment = Encoding.ASCII.GetBytes(Base64Url.EncodeToString(header.WrittenSpan));
    }

    /// <summary>The key id new tokens carry in <c>kid</c>.</summary>
    public string SigningKeyId => _signingKey.Id;

    /// <summary>A new login: fresh <c>jti</c>, <c>iat</c> = <c>nbf</c> = now, <c>exp</c> = now + lifetime.</summary>
    public JwtIssuedToken Issue(string subject, string name, IReadOnlyList<JwtCartItem> cart)
    {
        ArgumentException.ThrowIfNullOrEmpty(subject);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(cart);
        Span<byte> id = stackalloc byte[TokenIdBytes];
        RandomNumberGenerator.Fill(id);
        return Sign(subject, name, cart, Base64Url.EncodeToString(id));
    }

    /// <summary>
    /// The same login with a new cart: <c>sub</c>, <c>name</c> and <c>jti</c> are kept (so a deny-listed
    /// <c>jti</c> revokes every version of the login); the lifetime restarts, sliding like a session.
    /// </summary>
    public JwtIssuedToken Reissue(JwtClaims current, IReadOnlyList<JwtCartItem> cart)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(cart);
        return Sign(current.Subject, current.Name, cart, current.TokenId);
    }

    /// <summary><see cref="Issue"/>, false when the token is longer than <paramref name="maxBytes"/>; <paramref name="token"/> is set either way, so the caller can report its size.</summary>
    public bool TryIssue(string subject, string name, IReadOnlyList<JwtCartItem> cart, int maxBytes, out JwtIssuedToken token)
    {
        token = Issue(subject, name, cart);
        return token.ByteCount <= maxBytes;
    }

    /// <summary><see cref="Reissue"/>, false when the token is longer than <paramref name="maxBytes"/> (e.g. the 4096-byte cookie limit).</summary>
    public bool TryReissue(JwtClaims current, IReadOnlyList<JwtCartItem> cart, int maxBytes, out JwtIssuedToken token)
    {
        token = Reissue(current, cart);
        return token.ByteCount <= maxBytes;
    }

    private JwtIssuedToken Sign(string subject, string name, IReadOnlyList<JwtCartItem> cart, string tokenId)
    {
        // NumericDate is whole seconds; truncating here makes the returned claims equal the validated ones.
        var now = DateTimeOffset.FromUnixTimeSeconds(_timeProvider.GetUtcNow().ToUnixTimeSeconds());
        var claims = new JwtClaims
        {
            Subject = subject,
            Name = name,
            Cart = [.. cart],
            TokenId = tokenId,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + _options.AccessTokenLifetime,
        };

        var payload = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(payload, JwtPayloadWriter.WriterOptions))
        {
            JwtPayloadWriter.WritePayload(writer, _options.Issuer, _options.Audience, claims);
        }

        return new JwtIssuedToken(Assemble(payload.WrittenSpan), claims, _signingKey.Id);
    }

    // header.payload is the JWS signing input (RFC 7515 section 5.1); the token is that plus ".signature".
    private string Assemble(ReadOnlySpan<byte> payloadJson)
    {
        var signingInputLength = _headerSegment.Length + 1 + Base64Url.GetEncodedLength(payloadJson.Length);
        var tokenLength = signingInputLength + 1 + Base64Url.GetEncodedLength(_signingKey.SignatureSize);
        var rented = ArrayPool<byte>.Shared.Rent(tokenLength);
        try
        {
            var token = rented.AsSpan(0, tokenLength);
            _headerSegment.CopyTo(token);
            token[_headerSegment.Length] = (byte)'.';
            Base64Url.EncodeToUtf8(payloadJson, token[(_headerSegment.Length + 1)..signingInputLength]);

            Span<byte> signature = stackalloc byte[_signingKey.SignatureSize];
            var written = _signingKey.Sign(token[..signingInputLength], signature);
            token[signingInputLength] = (byte)'.';
            Base64Url.EncodeToUtf8(signature[..written], token[(signingInputLength + 1)..]);
            return Encoding.ASCII.GetString(token);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
