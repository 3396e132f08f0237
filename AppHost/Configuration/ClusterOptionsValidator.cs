using ClusterSessions.AppHost.Redis.Provisioning;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace ClusterSessions.AppHost.Configuration;

/// <summary>Every failure names its key and the allowed values, so the AppHost can print it as one line.</summary>
internal sealed class ClusterOptionsValidator : IValidateOptions<ClusterOptions>
{
    public static readonly IReadOnlyList<string> KnownStrategies = ["local", "sticky", "redis", "jwt"];
    public static readonly IReadOnlyList<string> LoadBalancingPolicies =
        ["RoundRobin", "Random", "PowerOfTwoChoices", "LeastRequests", "FirstAlphabetical"];

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
        RequireDefined(failures, "Cluster:Redis:Mode", options.Redis.Mode);
        RequireDefined(failures, "Cluster:JwtRevocation", options.JwtRevocation);
        RequireDefined(failures, "Cluster:SessionStoreDown", options.SessionStoreDown);
        RequireDefined(failures, "Cluster:NodeProtocol", options.NodeProtocol);

        if (options.SpareNodesPerStrategy is < 0 or > 8)
        {
            failures.Add($"Cluster:SpareNodesPerStrategy: '{options.SpareNodesPerStrategy}' must be between 0 and 8");
        }

        var ports = new[]
        {
            ("Cluster:GatewayPort", options.GatewayPort),
            ("Cluster:DashboardPort", options.DashboardPort),
            ("Cluster:LabPort", options.LabPort),
        };
        foreach (var (key, port) in ports.Where(p => p.Item2 is < 0 or > 65535))
        {
            failures.Add($"{key}: '{port}' must be 0 (a free port) or 1-65535");
        }

        foreach (var (key, port) in ports.Skip(1).Where(p => p.Item2 > 0))
        {
            if (ports.TakeWhile(p => p.Item1 != key).FirstOrDefault(p => p.Item2 == port) is { Item1: { } other })
            {
                failures.Add($"{key}: '{port}' is also {other}");
            }
        }

        if (options.Redis.Mode == RedisMode.External)
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

        if (options.Redis.Mode == RedisMode.RedisServer && RedisServerLocator.FindRedisServer() is null)
        {
            failures.Add("Cluster:Redis:Mode: RedisServer, but redis-server is not on PATH (install it, or use Auto or Garnet)");
        }

        if (string.IsNullOrWhiteSpace(options.RunDirectory))
        {
            failures.Add("Cluster:RunDirectory: must not be empty");
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

    private static void RequireDefined<TEnum>(List<string> failures, string key, TEnum value)
        where TEnum : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            failures.Add($"{key}: '{value}' is not one of {string.Join(", ", Enum.GetNames<TEnum>())}");
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
