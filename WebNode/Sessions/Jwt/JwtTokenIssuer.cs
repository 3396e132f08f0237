using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;
using ClusterSessions.WebNode.Carts;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ClusterSessions.WebNode.Sessions.Jwt;

/// <summary>
/// Issues the pool's tokens with IdentityModel's <see cref="JsonWebTokenHandler"/>: <c>sub</c>, <c>name</c>, <c>jti</c>
/// and the <c>cart</c>, signed with the last configured key, times from the node's <see cref="TimeProvider"/>.
/// </summary>
internal sealed class JwtTokenIssuer(JwtKeys keys, IOptions<JwtOptions> options, TimeProvider timeProvider)
{
    public const string CartClaim = "cart";
    public const string NameClaim = "name";

    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };
    private readonly JwtOptions _options = options.Value;

    /// <summary>
    /// A new login: a fresh <c>jti</c> (128 random bits), an empty cart. <paramref name="issuedAtLeast"/> lifts <c>iat</c> past a
    /// logout-all made in this same second, which would otherwise refuse the new token (whole-second NumericDates).
    /// </summary>
    public string Issue(string user, DateTimeOffset? issuedAtLeast = null) =>
        Create(user, user, Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16)), [], issuedAtLeast);

    /// <summary>
    /// The same login with a new cart: <c>sub</c>, <c>name</c> and <c>jti</c> kept (so a deny-listed <c>jti</c> revokes every
    /// version of the login); the lifetime restarts, sliding like a session.
    /// </summary>
    public string Reissue(JsonWebToken current, IReadOnlyList<CartItem> cart) =>
        Create(current.Subject, ReadName(current), current.Id, cart, current.IssuedAt);

    public static string ReadName(JsonWebToken token) =>
        token.TryGetPayloadValue<string>(NameClaim, out var name) ? name : token.Subject;

    /// <summary>The cart the token carries; empty when it carries none (or none this node can read).</summary>
    public static IReadOnlyList<CartItem> ReadCart(JsonWebToken token)
    {
        if (!token.TryGetPayloadValue<JsonElement>(CartClaim, out var cart) || cart.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        try
        {
            return cart.Deserialize(JwtJsonContext.Default.ListCartItem) ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private string Create(string subject, string name, string tokenId, IReadOnlyList<CartItem> cart, DateTimeOffset? issuedAtLeast)
    {
        // NumericDate is whole seconds.
        var now = DateTimeOffset.FromUnixTimeSeconds(timeProvider.GetUtcNow().ToUnixTimeSeconds()).UtcDateTime;
        var issuedAt = issuedAtLeast is { } floor && floor.UtcDateTime > now ? floor.UtcDateTime : now;
        var claims = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            [JwtRegisteredClaimNames.Sub] = subject,
            [NameClaim] = name,
            [JwtRegisteredClaimNames.Jti] = tokenId,
        };
        if (cart.Count > 0)
        {
            claims[CartClaim] = JsonSerializer.SerializeToElement([.. cart], JwtJsonContext.Default.ListCartItem);
        }

        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = _options.Issuer,
            Audience = _options.Audience,
            TokenType = _options.TokenType,
            IssuedAt = issuedAt,
            NotBefore = now,
            Expires = now + _options.AccessTokenLifetime,
            SigningCredentials = keys.SigningCredentials,
            Claims = claims,
        });
    }
}
