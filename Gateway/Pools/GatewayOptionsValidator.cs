using System.Text.RegularExpressions;
using ClusterSessions.Gateway.LoginThrottling;
using Microsoft.Extensions.Options;

namespace ClusterSessions.Gateway.Pools;

internal sealed partial class GatewayOptionsValidator : IValidateOptions<GatewayOptions>
{
    /// <summary>A token short enough to guess is no token; the AppHost's are 43 characters (256 random bits).</summary>
    public const int MinimumAdminTokenLength = 32;

    public ValidateOptionsResult Validate(string? name, GatewayOptions options)
    {
        var failures = new List<string>();
        if (!LoadBalancingPolicies.All.Contains(options.LoadBalancing))
        {
            failures.Add($"Gateway:LoadBalancing: '{options.LoadBalancing}' is not one of {string.Join(", ", LoadBalancingPolicies.All)}");
        }

        if (!Enum.IsDefined(options.NodeProtocol))
        {
            failures.Add($"Gateway:NodeProtocol: '{options.NodeProtocol}' is not one of {string.Join(", ", Enum.GetNames<NodeProtocol>())}");
        }

        if (options.HealthCheckInterval <= TimeSpan.Zero || options.HealthCheckTimeout <= TimeSpan.Zero)
        {
            failures.Add("Gateway:HealthCheckInterval / Gateway:HealthCheckTimeout: must be positive");
        }

        if (options.AdminPort is < 0 or > 65535)
        {
            failures.Add($"Gateway:AdminPort: '{options.AdminPort}' is not a port number");
        }

        if (options.AdminPort is > 0 and <= 65535 && options.AdminToken is not { Length: >= MinimumAdminTokenLength })
        {
            failures.Add($"Gateway:AdminToken: required with Gateway:AdminPort, at least {MinimumAdminTokenLength} characters (the AppHost makes one per run)");
        }

        failures.AddRange(ValidateLoginRateLimit(options.LoginRateLimit));

        foreach (var (pool, poolOptions) in options.Pools)
        {
            failures.AddRange(ValidatePool(pool, poolOptions));
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static IEnumerable<string> ValidateLoginRateLimit(LoginRateLimitOptions limit)
    {
        const string Key = "Gateway:LoginRateLimit";
        if (limit.TokenLimit < 1)
        {
            yield return $"{Key}:TokenLimit: '{limit.TokenLimit}' must be 1 or more (failed logins per address in a burst)";
        }

        if (limit.TokensPerPeriod < 1)
        {
            yield return $"{Key}:TokensPerPeriod: '{limit.TokensPerPeriod}' must be 1 or more";
        }

        if (limit.ReplenishmentPeriod <= TimeSpan.Zero)
        {
            yield return $"{Key}:ReplenishmentPeriod: '{limit.ReplenishmentPeriod}' must be positive";
        }

        if (limit.PermitLimit < 1)
        {
            yield return $"{Key}:PermitLimit: '{limit.PermitLimit}' must be 1 or more (logins per address under way at once)";
        }

        if (limit.QueueLimit < 0)
        {
            yield return $"{Key}:QueueLimit: '{limit.QueueLimit}' must be 0 or more";
        }
    }

    public static IEnumerable<string> ValidatePool(string pool, PoolOptions options)
    {
        if (!NamePattern().IsMatch(pool))
        {
            yield return $"Gateway:Pools:{pool}: the pool name must be lowercase letters, digits or '-'";
        }

        if (options.LoadBalancing is { Length: > 0 } policy && !LoadBalancingPolicies.All.Contains(policy))
        {
            yield return $"Gateway:Pools:{pool}:LoadBalancing: '{policy}' is not one of {string.Join(", ", LoadBalancingPolicies.All)}";
        }

        foreach (var (id, address) in options.Destinations)
        {
            if (!NamePattern().IsMatch(id))
            {
                yield return $"Gateway:Pools:{pool}:Destinations:{id}: the node id must be lowercase letters, digits or '-'";
            }

            if (!Uri.TryCreate(address, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                yield return $"Gateway:Pools:{pool}:Destinations:{id}: '{address}' is not an http(s) URL";
            }
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}\\z")]
    private static partial Regex NamePattern();
}
