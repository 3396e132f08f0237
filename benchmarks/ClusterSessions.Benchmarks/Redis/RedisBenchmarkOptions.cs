using System.Globalization;
using ClusterSessions.Redis.Provisioning;

namespace ClusterSessions.Benchmarks.Redis;

internal sealed record RedisBenchmarkOptions
{
    public const string Usage =
        "usage: redis [--connection host:port[,password=..]] [--server redis-server|garnet] [--requests N] [--concurrency 1,16,64]";

    /// <summary>An existing server; when null the benchmark starts its own.</summary>
    public string? Connection { get; init; }

    public RedisServerKind Server { get; init; } = RedisServerKind.RedisServer;

    /// <summary>Operations per row (per command and concurrency), the same count for both clients.</summary>
    public int Requests { get; init; } = 50_000;

    public IReadOnlyList<int> Concurrency { get; init; } = [1, 16, 64];

    public static RedisBenchmarkOptions? Parse(string[] args)
    {
        var options = new RedisBenchmarkOptions();
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            if (value is null)
            {
                return null;
            }

            options = args[i] switch
            {
                "--connection" => options with { Connection = value },
                "--server" when value is "redis-server" or "redis" => options with { Server = RedisServerKind.RedisServer },
                "--server" when value is "garnet" => options with { Server = RedisServerKind.Garnet },
                "--requests" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 => options with { Requests = n },
                "--concurrency" when TryParseList(value, out var list) => options with { Concurrency = list },
                _ => null,
            };
            if (options is null)
            {
                return null;
            }

            i++;
        }

        return options;
    }

    private static bool TryParseList(string value, out IReadOnlyList<int> list)
    {
        var parts = value.Split(',', StringSplitOptions.TrimEntries);
        var numbers = new List<int>();
        foreach (var part in parts)
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n <= 0)
            {
                list = [];
                return false;
            }

            numbers.Add(n);
        }

        list = numbers;
        return numbers.Count > 0;
    }
}
