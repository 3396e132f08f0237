using Aspire.Hosting;
using Microsoft.Extensions.Configuration;

namespace ClusterSessions.AppHost.Configuration;

/// <summary>Reads <c>Cluster:*</c> once, before the topology is built, and fails with one line per bad value.</summary>
internal static class ClusterConfiguration
{
    /// <summary>The validated options; on a bad value prints <c>error: Key: reason</c> lines and exits 1.</summary>
    public static ClusterOptions GetClusterOptions(this IDistributedApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var failures = Read(builder.Configuration, out var options);
        if (failures.Count == 0)
        {
            return options;
        }

        foreach (var failure in failures)
        {
            Console.Error.WriteLine($"error: {failure}");
        }

        Environment.Exit(1);
        return options;
    }

    /// <summary>Binds and validates; the enum keys are checked as text first, so a bad one names its key, not a .NET type.</summary>
    public static IReadOnlyList<string> Read(IConfiguration configuration, out ClusterOptions options)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        options = new ClusterOptions();
        var section = configuration.GetSection(ClusterOptions.SectionName);
        List<string> failures = [];
        CheckEnum<RedisMode>(section, "Redis:Mode", failures);
        CheckEnum<JwtRevocation>(section, nameof(ClusterOptions.JwtRevocation), failures);
        CheckEnum<SessionStoreDown>(section, nameof(ClusterOptions.SessionStoreDown), failures);
        CheckEnum<NodeProtocol>(section, nameof(ClusterOptions.NodeProtocol), failures);
        CheckBool(section, nameof(ClusterOptions.JwtTokenCache), failures);
        if (failures.Count > 0)
        {
            return failures;
        }

        try
        {
            section.Bind(options);
        }
        catch (InvalidOperationException exception) when (exception.InnerException is ArgumentException { InnerException: FormatException or OverflowException })
        {
            // "Failed to convert configuration value '(x)' at 'Cluster:NodesPerStrategy' to type 'System.Int32'.": keep the key only.
            var key = exception.Message.Split('\'') is { Length: >= 4 } parts ? parts[3] : ClusterOptions.SectionName;
            return [$"{key}: '{configuration[key]}' is not a whole number"];
        }

        var result = new ClusterOptionsValidator().Validate(null, options);
        return result.Failed ? [.. result.Failures] : [];
    }

    private static void CheckBool(IConfigurationSection section, string key, List<string> failures)
    {
        if (section[key] is { } value && !bool.TryParse(value, out _))
        {
            failures.Add($"{section.Path}:{key}: '{value}' is not true or false");
        }
    }

    private static void CheckEnum<TEnum>(IConfigurationSection section, string key, List<string> failures)
        where TEnum : struct, Enum
    {
        var value = section[key];
        if (value is not null && (!Enum.TryParse<TEnum>(value, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || int.TryParse(value, out _)))
        {
            failures.Add($"{section.Path}:{key}: '{value}' is not one of {string.Join(", ", Enum.GetNames<TEnum>())}");
        }
    }
}
