using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace ClusterSessions.Gateway.Pools;

internal sealed partial class GatewayOptionsValidator : IValidateOptions<GatewayOptions>
{
    public ValidateOptionsResult Validate(string? name, GatewayOptions options)
    {
        var failures = new List<string>();
        if (!LoadBalancingPolicies.All.Contains(options.LoadBalancing))
        {
            failures.Add($"Gateway:LoadBalancing: '{options.LoadBalancing}' is not one of {string.Join(", ", LoadBalancingPolicies.All)}");
        }

        if (options.HealthCheckInterval <= TimeSpan.Zero || options.HealthCheckTimeout <= TimeSpan.Zero)
        {
            failures.Add("Gateway:HealthCheckInterval / Gateway:HealthCheckTimeout: must be positive");
        }

        if (options.AdminPort is < 0 or > 65535)
        {
            failures.Add($"Gateway:AdminPort: '{options.AdminPort}' is not a port number");
        }

        foreach (var (pool, poolOptions) in options.Pools)
        {
            failures.AddRange(ValidatePool(pool, poolOptions));
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
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
