namespace ClusterSessions.Tokens;

/// <summary>
/// The <c>Jwt</c> configuration section, e.g. <c>Jwt__Issuer</c>, <c>Jwt__Keys__0__Id</c>,
/// <c>Jwt__Keys__0__Algorithm</c>, <c>Jwt__Keys__0__Key</c>.
/// </summary>
public sealed record JwtOptions
{
    public const string SectionName = "Jwt";

    /// <summary>Written to <c>iss</c>; tokens with another issuer are refused.</summary>
    public string Issuer { get; init; } = "";

    /// <summary>Written to <c>aud</c>; a token must name it (as the string or inside the array).</summary>
    public string Audience { get; init; } = "";

    /// <summary>The header <c>typ</c> written and required (RFC 8725 section 3.11 explicit typing).</summary>
    public string TokenType { get; init; } = "JWT";

    public TimeSpan AccessTokenLifetime { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>Tolerance for clocks of different nodes when checking <c>exp</c> and <c>nbf</c>.</summary>
    public TimeSpan ClockSkew { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Longer tokens are refused before any decoding, bounding the work an attacker can cause.</summary>
    public int MaxTokenBytes { get; init; } = 8192;

    /// <summary>Signing and verification keys; the last one signs (see <see cref="JwtKeySet"/>).</summary>
    public IReadOnlyList<JwtKeyDescriptor> Keys { get; init; } = [];

    /// <summary>
    /// Every problem as one line that starts with its configuration path, e.g.
    /// <c>Jwt:Keys:0:Key: HS256 key 'k1' is 128 bits; at least 256 are required</c>. Empty when valid.
    /// </summary>
    public IReadOnlyList<string> Validate(string sectionName = SectionName)
    {
        var errors = new List<string>();
        void Add(string key, string message) => errors.Add($"{sectionName}:{key}: {message}");

        if (string.IsNullOrWhiteSpace(Issuer))
        {
            Add(nameof(Issuer), "is required");
        }

        if (string.IsNullOrWhiteSpace(Audience))
        {
            Add(nameof(Audience), "is required");
        }

        if (string.IsNullOrWhiteSpace(TokenType))
        {
            Add(nameof(TokenType), "is required (e.g. JWT)");
        }

        if (AccessTokenLifetime <= TimeSpan.Zero || AccessTokenLifetime > TimeSpan.FromDays(1))
        {
            Add(nameof(AccessTokenLifetime), $"is {AccessTokenLifetime}; use a value above 00:00:00 and at most 1.00:00:00");
        }

        if (ClockSkew < TimeSpan.Zero || ClockSkew > TimeSpan.FromMinutes(5))
        {
            Add(nameof(ClockSkew), $"is {ClockSkew}; use a value from 00:00:00 to 00:05:00");
        }

        if (MaxTokenBytes is < 512 or > 65536)
        {
            Add(nameof(MaxTokenBytes), $"is {MaxTokenBytes}; use a value from 512 to 65536");
        }

        ValidateKeys(Add);
        return errors;
    }

    private void ValidateKeys(Action<string, string> add)
    {
        if (Keys is not { Count: > 0 })
        {
            add(nameof(Keys), $"at least one key is required (Id, Algorithm {JwtAlgorithms.ES256} or {JwtAlgorithms.HS256}, Key)");
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < Keys.Count; i++)
        {
            try
            {
                using var key = JwtSigningKey.FromDescriptor(Keys[i]);
                if (!seen.Add(key.Id))
                {
                    add($"{nameof(Keys)}:{i}:{nameof(JwtKeyDescriptor.Id)}", $"key id '{key.Id}' is listed twice");
                }
            }
            catch (JwtKeyException ex)
            {
                add($"{nameof(Keys)}:{i}:{ex.Field ?? nameof(JwtKeyDescriptor.Key)}", ex.Message);
            }
        }
    }
}
