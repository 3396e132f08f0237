using ClusterSessions.Redis.Protocol;
using Microsoft.Extensions.Options;

namespace ClusterSessions.Redis;

/// <summary>Checks options set in code or configuration (a parsed connection string is already valid).</summary>
public sealed class RedisConnectionOptionsValidator : IValidateOptions<RedisConnectionOptions>
{
    private static readonly TimeSpan MaxTimeout = TimeSpan.FromMinutes(10);

    public ValidateOptionsResult Validate(string? name, RedisConnectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = GetFailures(options).ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    internal static void ThrowIfInvalid(RedisConnectionOptions options)
    {
        var failures = GetFailures(options).ToList();
        if (failures.Count > 0)
        {
            throw new ArgumentException("Invalid Redis connection options: " + string.Join("; ", failures), nameof(options));
        }
    }

    private static IEnumerable<string> GetFailures(RedisConnectionOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.Host))
        {
            yield return "Host must not be empty.";
        }

        if (options.Port is <= 0 or > 65535)
        {
            yield return $"Port must be 1-65535 (was {options.Port}).";
        }

        if (options.Database is < 0 or > 15)
        {
            yield return $"Database must be 0-15 (was {options.Database}).";
        }

        if (options.User is not null && string.IsNullOrEmpty(options.Password))
        {
            yield return "User requires Password.";
        }

        if (options.Password is { Length: 0 })
        {
            yield return "Password must not be empty when set.";
        }

        foreach (var (name, value) in new[]
        {
            (nameof(options.ConnectTimeout), options.ConnectTimeout),
            (nameof(options.CommandTimeout), options.CommandTimeout),
            (nameof(options.ReconnectMinDelay), options.ReconnectMinDelay),
            (nameof(options.ReconnectMaxDelay), options.ReconnectMaxDelay),
        })
        {
            if (value <= TimeSpan.Zero || value > MaxTimeout)
            {
                yield return $"{name} must be greater than zero and at most 10 minutes (was {value}).";
            }
        }

        if (options.ReconnectMaxDelay < options.ReconnectMinDelay)
        {
            yield return "ReconnectMaxDelay must not be less than ReconnectMinDelay.";
        }

        if (options.MaxBulkLength is <= 0 or > RespLimits.ProtocolMaxBulkLength)
        {
            yield return $"MaxBulkLength must be 1-{RespLimits.ProtocolMaxBulkLength} bytes (was {options.MaxBulkLength}).";
        }
    }
}
