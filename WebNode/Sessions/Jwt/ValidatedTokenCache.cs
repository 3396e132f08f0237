using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace ClusterSessions.WebNode.Sessions.Jwt;

/// <summary>
/// Tokens that passed the handler's validation, keyed by the SHA-256 of their bytes (never the token itself), at most
/// <c>Jwt:TokenCache:MaxEntries</c> of them. An entry is used only while the node's <see cref="TimeProvider"/> says the
/// token is inside the lifetime validation allowed (<c>exp</c> + <c>Jwt:ClockSkew</c>); MemoryCache's own expiry
/// (relative, on its clock) only evicts.
/// </summary>
internal sealed class ValidatedTokenCache : IDisposable
{
    private readonly MemoryCache _cache;
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _clockSkew;
    private long _hits;
    private long _misses;

    public ValidatedTokenCache(IOptions<JwtOptions> options, TimeProvider timeProvider)
    {
        _timeProvider = timeProvider;
        _clockSkew = options.Value.ClockSkew;
        _cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = options.Value.TokenCache.MaxEntries });
    }

    /// <summary>Lookups answered from the cache.</summary>
    public long Hits => Interlocked.Read(ref _hits);

    /// <summary>Lookups that went to the token handler: every first sight of a token, and every expired entry.</summary>
    public long Misses => Interlocked.Read(ref _misses);

    public int Count => _cache.Count;

    public bool TryGet(string token, out ValidatedToken validated)
    {
        var key = KeyOf(token);
        if (_cache.TryGetValue(key, out ValidatedToken? entry) && entry is not null)
        {
            // Written as now - skew (not exp + skew), like TokenLifetimeValidator.
            if (_timeProvider.GetUtcNow().UtcDateTime - _clockSkew <= entry.Expires)
            {
                Interlocked.Increment(ref _hits);
                validated = entry;
                return true;
            }

            _cache.Remove(key);
        }

        Interlocked.Increment(ref _misses);
        validated = null!;
        return false;
    }

    public void Add(string token, ValidatedToken validated)
    {
        var remaining = validated.Expires - (_timeProvider.GetUtcNow().UtcDateTime - _clockSkew);
        if (remaining <= TimeSpan.Zero)
        {
            return;
        }

        // Over SizeLimit, MemoryCache does not add the entry (and compacts in the background).
        _cache.Set(KeyOf(token), validated, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = remaining });
    }

    public void Dispose() => _cache.Dispose();

    private static string KeyOf(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
