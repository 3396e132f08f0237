using ClusterSessions.Hosting.Redis.Provisioning;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace ClusterSessions.Hosting.Configuration;

/// <summary>Every failure names its key and the allowed values, so the AppHost can print it as one line.</summary>
public sealed class ClusterOptionsValidator : IValidateOptions<ClusterOptions>
{
    public static readonly IReadOnlyList<string> KnownStrategies = ["local", "sticky", "redis", "jwt"];
    public static readonly IReadOnlyList<string> LoadBalancingPolicies =
        ["RoundRobin", "Random", "PowerOfTwoChoices", "LeastRequests", "FirstAlphabetical"];
    public static readonly IReadOnlyList<string> RedisModes = ["Auto", "Garnet", "RedisServer", "External"];
    public static readonly IReadOnlyList<string> JwtRevocations = ["DenyList", "None"];
    public static readonly IReadOnlyList<string> SessionStoreDowns = ["Fail", "Silent"];

    public ValidateOptionsResult Validate(string? name, ClusterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var strategies = options.StrategyList;
        if (strategies.Count == 0)
        {
            failures.Add($"Cluster:Strategies: empty; allowed: {string.Join(", ", KnownStrategies)}");
        }

        foreach (var unknown in strategies.Where(s => !KnownStrategies.Contains(s)))
        {
            failures.Add($"Cluster:Strategies: '{unknown}' is not one of {string.Join(", ", KnownStrategies)}");
        }

        if (strategies.Distinct().Count() != strategies.Count)
        {
            failures.Add($"Cluster:Strategies: '{options.Strategies}' names a strategy twice");
        }

        if (options.NodesPerStrategy is < 1 or > 16)
        {
            failures.Add($"Cluster:NodesPerStrategy: '{options.NodesPerStrategy}' must be between 1 and 16");
        }

        Require(failures, "Cluster:LoadBalancing", options.LoadBalancing, LoadBalancingPolicies);
        Require(failures, "Cluster:Redis:Mode", options.Redis.Mode, RedisModes);
        Require(failures, "Cluster:JwtRevocation", options.JwtRevocation, JwtRevocations);
        Require(failures, "Cluster:SessionStoreDown", options.SessionStoreDown, SessionStoreDowns);

        if (options.GatewayPort is < 0 or > 65535)
        {
            failures.Add($"Cluster:GatewayPort: '{options.GatewayPort}' must be 0 (a free port) or 1-65535");
        }

        if (options.DashboardPort is < 0 or > 65535)
        {
            failures.Add($"Cluster:DashboardPort: '{options.DashboardPort}' must be 0 (a free port) or 1-65535");
        }

        if (options.GatewayPort != 0 && options.GatewayPort == options.DashboardPort)
        {
            failures.Add($"Cluster:DashboardPort: '{options.DashboardPort}' is also Cluster:GatewayPort");
        }

        if (options.Redis.Mode == "External")
        {
            if (string.IsNullOrWhiteSpace(options.Redis.ConnectionString))
            {
                failures.Add("Cluster:Redis:ConnectionString: required when Cluster:Redis:Mode is External");
            }
            else if (DescribeConnectionStringProblem(options.Redis.ConnectionString) is { } problem)
            {
                failures.Add($"Cluster:Redis:ConnectionString: {problem}");
            }
        }

        if (options.Redis.Mode == "RedisServer" && RedisServerLocator.FindRedisServer() is null)
        {
            failures.Add("Cluster:Redis:Mode: RedisServer, but redis-server is not on PATH (install it, or use Auto or Garnet)");
        }

        if (string.IsNullOrWhiteSpace(options.RunDirectory))
        {
            failures.Add("Cluster:RunDirectory: must not be empty");
        }

        if (options.StartTimeout <= TimeSpan.Zero)
        {
            failures.Add($"Cluster:StartTimeout: '{options.StartTimeout}' must be positive");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    // The string itself is not echoed: it may carry a password.
    private static string? DescribeConnectionStringProblem(string connectionString)
    {
        try
        {
            return ConfigurationOptions.Parse(connectionString).EndPoints.Count == 0
                ? "names no server; expected host:port[,password=…]"
                : null;
        }
        catch (ArgumentOutOfRangeException exception)
        {
            return $"{exception.ParamName} is out of range; expected host:port[,password=…]";
        }
        catch (ArgumentException exception)
        {
            // "Keyword 'foo' is not supported. (Parameter 'foo')": keep the sentence, drop the parameter suffix.
            var reason = exception.ParamName is { } parameter
                ? exception.Message.Replace($" (Parameter '{parameter}')", string.Empty, StringComparison.Ordinal)
                : exception.Message;
            return $"{reason.TrimEnd('.')}; expected host:port[,password=…]";
        }
    }

    private static void Require(List<string> failures, string key, string value, IReadOnlyList<string> allowed)
    {
        if (!allowed.Contains(value))
        {
            failures.Add($"{key}: '{value}' is not one of {string.Join(", ", allowed)}");
        }
    }
}
