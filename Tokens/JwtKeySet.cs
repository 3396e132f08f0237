namespace ClusterSessions.Tokens;

/// <summary>
/// The configured keys. The last key listed signs new tokens; every listed key verifies. Rotation is
/// therefore: append a new key (tokens of the old one keep working), and once the old tokens have
/// expired, remove the old key. List order, not <see cref="JwtKeyDescriptor.CreatedAt"/>, decides,
/// because it is what the operator sees in the config and cannot be skewed by clocks.
/// </summary>
public sealed class JwtKeySet : IDisposable
{
    private readonly Dictionary<string, JwtSigningKey> _byId;

    public JwtKeySet(IEnumerable<JwtSigningKey> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        Keys = [.. keys];
        if (Keys.Count == 0)
        {
            throw new JwtKeyException("at least one key is required");
        }

        _byId = new Dictionary<string, JwtSigningKey>(StringComparer.Ordinal);
        foreach (var key in Keys)
        {
            if (!_byId.TryAdd(key.Id, key))
            {
                throw new JwtKeyException(key.Id, nameof(JwtKeyDescriptor.Id), $"key id '{key.Id}' is listed twice");
            }
        }

        SigningKey = Keys[^1];
        JsonWebKeySet = new JsonWebKeySet { Keys = [.. Keys.Select(k => k.ToPublicJsonWebKey()).OfType<JsonWebKey>()] };
    }

    public IReadOnlyList<JwtSigningKey> Keys { get; }

    /// <summary>The key new tokens are signed with: the last one listed.</summary>
    public JwtSigningKey SigningKey { get; }

    /// <summary>The public keys (ES256 only; HS256 secrets are never published).</summary>
    public JsonWebKeySet JsonWebKeySet { get; }

    /// <summary>Builds every key; throws a <see cref="JwtKeyException"/> naming the first bad key.</summary>
    public static JwtKeySet Create(IEnumerable<JwtKeyDescriptor> descriptors)
    {
        ArgumentNullException.ThrowIfNull(descriptors);
        var keys = new List<JwtSigningKey>();
        try
        {
            foreach (var descriptor in descriptors)
            {
                keys.Add(JwtSigningKey.FromDescriptor(descriptor));
            }

            return new JwtKeySet(keys);
        }
        catch
        {
            keys.ForEach(k => k.Dispose());
            throw;
        }
    }

    public bool TryGetKey(string keyId, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out JwtSigningKey? key) =>
        _byId.TryGetValue(keyId, out key);

    public void Dispose()
    {
        foreach (var key in Keys)
        {
            key.Dispose();
        }
    }
}
