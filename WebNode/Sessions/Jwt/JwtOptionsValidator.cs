using Microsoft.Extensions.Options;

namespace ClusterSessions.WebNode.Sessions.Jwt;

/// <summary>Checks the settings and the keys themselves (a weak HS256 secret fails here, naming the key).</summary>
internal sealed class JwtOptionsValidator : IValidateOptions<JwtOptions>
{
    public ValidateOptionsResult Validate(string? name, JwtOptions options)
    {
        var failures = new List<string>();
        void Add(string key, string message) => failures.Add($"{JwtOptions.SectionName}:{key}: {message}");

        if (string.IsNullOrWhiteSpace(options.Issuer))
        {
            Add(nameof(options.Issuer), "is required");
        }

        if (string.IsNullOrWhiteSpace(options.Audience))
        {
            Add(nameof(options.Audience), "is required");
        }

        if (string.IsNullOrWhiteSpace(options.TokenType))
        {
            Add(nameof(options.TokenType), "is required (e.g. JWT)");
        }

        if (options.AccessTokenLifetime <= TimeSpan.Zero || options.AccessTokenLifetime > TimeSpan.FromDays(1))
        {
            Add(nameof(options.AccessTokenLifetime), $"is {options.AccessTokenLifetime}; use a value above 00:00:00 and at most 1.00:00:00");
        }

        if (options.MaxLifetime <= TimeSpan.Zero || options.MaxLifetime < options.AccessTokenLifetime)
        {
            Add(nameof(options.MaxLifetime), $"is {options.MaxLifetime}; use a value above 00:00:00 and at least Jwt:AccessTokenLifetime ({options.AccessTokenLifetime})");
        }

        if (options.ClockSkew < TimeSpan.Zero || options.ClockSkew > TimeSpan.FromMinutes(5))
        {
            Add(nameof(options.ClockSkew), $"is {options.ClockSkew}; use a value from 00:00:00 to 00:05:00");
        }

        if (options.MaxTokenBytes is < 512 or > 65536)
        {
            Add(nameof(options.MaxTokenBytes), $"is {options.MaxTokenBytes}; use a value from 512 to 65536");
        }

        if (options.MaxCookieBytes is < 256 or > 4096)
        {
            Add(nameof(options.MaxCookieBytes), $"is {options.MaxCookieBytes}; use a value from 256 to 4096");
        }

        if (options.TokenCache.MaxEntries is < 1 or > JwtTokenCacheOptions.MaxEntriesLimit)
        {
            Add($"{nameof(options.TokenCache)}:{nameof(options.TokenCache.MaxEntries)}",
                $"is {options.TokenCache.MaxEntries}; use a value from 1 to {JwtTokenCacheOptions.MaxEntriesLimit}");
        }

        if (options.Keys.Count == 0)
        {
            Add(nameof(options.Keys), "at least one key is required (Id, Algorithm ES256 or HS256, Key)");
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < options.Keys.Count; i++)
        {
            var key = options.Keys[i];
            if (string.IsNullOrWhiteSpace(key.Id))
            {
                Add($"Keys:{i}:Id", "is required");
            }
            else if (!ids.Add(key.Id))
            {
                Add($"Keys:{i}:Id", $"key id '{key.Id}' is listed twice");
            }

            if (JwtKeys.TryCreateSecurityKey(key, out var created, out var error))
            {
                (created as IDisposable)?.Dispose();
            }
            else
            {
                Add($"Keys:{i}:Key", error!);
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
