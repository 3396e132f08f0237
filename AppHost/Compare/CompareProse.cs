using System.Globalization;

namespace ClusterSessions.AppHost.Compare;

/// <summary>
/// The paragraph under each scenario's table in compare.md: what happened to the users of each strategy, in the words
/// a person would use, strategies with the same outcome named together.
/// </summary>
internal static class CompareProse
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Describe(string scenario, IReadOnlyDictionary<string, StrategyResult> results, int usersPerStrategy)
    {
        ArgumentNullException.ThrowIfNull(results);
        if (results.Count == 0)
        {
            return "No pool took part in this scenario.";
        }

        List<string> sentences = [Continuity(results, usersPerStrategy), Errors(results)];
        if (Specific(scenario, results) is { } specific)
        {
            sentences.Add(specific);
        }

        return string.Join(" ", sentences);
    }

    private static string Continuity(IReadOnlyDictionary<string, StrategyResult> results, int users)
    {
        var whole = results.Where(r => r.Value.Continuity >= 0.9995 && r.Value.SessionsLost == 0).Select(r => r.Key).ToList();
        var parts = new List<string>();
        if (whole.Count > 0)
        {
            parts.Add(whole.Count == results.Count
                ? "Every user kept their login and cart on every request"
                : $"{Join(whole)} kept every user logged in with the right cart");
        }

        foreach (var (strategy, result) in results.Where(r => !whole.Contains(r.Key)))
        {
            var lost = result.SessionsLost == 0
                ? "lost no session for good"
                : result.SessionsLost >= users && users > 0
                    ? $"lost {(users == 1 ? "its only user's session" : $"all {users} users' sessions")}"
                    : $"lost {result.SessionsLost} of {users} users' sessions";
            parts.Add($"{strategy} gave the right user and cart on {Percent(result.Continuity)} of requests and {lost}");
        }

        return Sentence(parts);
    }

    private static string Errors(IReadOnlyDictionary<string, StrategyResult> results)
    {
        var failing = results.Where(r => r.Value.Errors > 0).ToList();
        if (failing.Count == 0)
        {
            return "No request failed.";
        }

        return Sentence(failing.Select(r =>
            $"{r.Key} answered {r.Value.Errors} of {r.Value.Requests} requests with an error (a 5xx or a dropped connection)"));
    }

    private static string? Specific(string scenario, IReadOnlyDictionary<string, StrategyResult> results) => scenario switch
    {
        "logoutReplay" => Replays(results),
        "race" => Races(results),
        "nodeKill" or "storeOutage" or "storeOutageSilent" => Recovery(results),
        "nodeKillUnderLoad" => UnderLoad(results),
        "cost" => CpuCost(results),
        _ => Latency(results),
    };

    private static string Replays(IReadOnlyDictionary<string, StrategyResult> results)
    {
        var accepted = results.Where(r => r.Value.AcceptedAfterLogout > 0).ToList();
        var refused = results.Where(r => r.Value.AcceptedAfterLogout == 0).Select(r => r.Key).ToList();
        var parts = accepted.Select(r => $"the logged-out credential still worked {Times(r.Value.AcceptedAfterLogout!.Value)} on {r.Key}").ToList();
        if (refused.Count > 0)
        {
            parts.Add($"{Join(refused)} refused every replay");
        }

        return Sentence(["After logout", .. parts], separator: ", ", first: true);
    }

    private static string Races(IReadOnlyDictionary<string, StrategyResult> results)
    {
        var lossy = results.Where(r => r.Value.LostUpdates > 0).ToList();
        var safe = results.Where(r => r.Value.LostUpdates == 0).Select(r => r.Key).ToList();
        var parts = lossy.Select(r => $"{r.Key} lost {r.Value.LostUpdates} cart update{(r.Value.LostUpdates == 1 ? "" : "s")} to a concurrent write (the last writer wins)").ToList();
        if (safe.Count > 0)
        {
            parts.Add($"{Join(safe)} lost none");
        }

        return Sentence(parts);
    }

    private static string Recovery(IReadOnlyDictionary<string, StrategyResult> results)
    {
        var recovered = results.Where(r => r.Value.RecoverySeconds > 0).ToList();
        if (recovered.Count == 0)
        {
            return "The fault caused no error anywhere, so there was nothing to recover from.";
        }

        return Sentence(recovered.Select(r =>
            $"on {r.Key} the last error came {r.Value.RecoverySeconds!.Value.ToString("0.0", Invariant)} s after the fault"));
    }

    /// <summary>The two ways a crash under load reaches users: requests lost in flight (errors) and sessions lost (401s).</summary>
    private static string UnderLoad(IReadOnlyDictionary<string, StrategyResult> results)
    {
        var failing = results.Where(r => r.Value.Errors > 0).ToList();
        var inFlight = failing.Count == 0
            ? "No request in flight on the killed node reached its user as an error."
            : "The errors are requests the killed node held, or was sent before the gateway took it out, which a gateway " +
              "that retries them on another node would have answered: " +
              "the last came " + Join(failing.Select(r => $"{(r.Value.RecoverySeconds ?? 0).ToString("0.0", Invariant)} s after the kill on {r.Key}").ToList()) + ".";

        var refused = results.Where(r => r.Value.Unauthorized > 0).ToList();
        var none = results.Where(r => r.Value.Unauthorized == 0).Select(r => r.Key).ToList();
        var parts = refused.Select(r =>
            $"{r.Key} answered {r.Value.Unauthorized} request{(r.Value.Unauthorized == 1 ? "" : "s")} with 401, a node without the user's session, which no retry brings back").ToList();
        if (none.Count > 0)
        {
            parts.Add($"{Join(none)} answered none with 401");
        }

        return parts.Count == 0 ? inFlight : inFlight + " " + Sentence(parts);
    }

    /// <summary>Where a request's CPU goes, by process, and what it asks of Redis.</summary>
    private static string CpuCost(IReadOnlyDictionary<string, StrategyResult> results)
    {
        var measured = results.Where(r => r.Value.NodeCpuUsPerRequest is not null).ToList();
        if (measured.Count == 0)
        {
            return "CPU time could not be read here (it is read from the operating system by process id).";
        }

        var parts = new List<string>
        {
            "Per request the pool's nodes spent " + Join(measured.Select(r => $"{Micros(r.Value.NodeCpuUsPerRequest)} of CPU on {r.Key}").ToList()),
            "the gateway " + Join(measured.Select(r => $"{Micros(r.Value.GatewayCpuUsPerRequest)} on {r.Key}").ToList()),
        };
        var withRedis = measured.Where(r => r.Value.RedisCommandsPerRequest >= 0.05).ToList();
        var withoutRedis = measured.Where(r => r.Value.RedisCommandsPerRequest is < 0.05).Select(r => r.Key).ToList();
        if (withRedis.Count > 0)
        {
            parts.Add("Redis " + Join(withRedis.Select(r =>
                $"{Micros(r.Value.RedisCpuUsPerRequest)} for {r.Value.RedisCommandsPerRequest!.Value.ToString("0.0#", Invariant)} commands on {r.Key} " +
                $"({string.Join(", ", (r.Value.RedisCommands ?? new Dictionary<string, double>()).Select(c => $"{c.Key} {c.Value.ToString("0.0#", Invariant)}"))})").ToList()));
        }

        if (withoutRedis.Count > 0)
        {
            parts.Add($"{Join(withoutRedis)} sent Redis nothing");
        }

        return Sentence(parts);
    }

    private static string Micros(double? value) => value is { } v ? $"{v.ToString("0", Invariant)} µs" : "an unknown time";

    private static string Latency(IReadOnlyDictionary<string, StrategyResult> results) =>
        "Half of the requests took at most " + Join(results.Select(r =>
            $"{r.Value.P50Ms.ToString("0.0", Invariant)} ms on {r.Key} ({r.Value.MeanRequestBytes.ToString("0", Invariant)} bytes sent per request)").ToList()) + ".";

    private static string Percent(double continuity) =>
        continuity <= 0 ? "none" : $"{(continuity * 100).ToString("0", Invariant)} %";

    private static string Times(int count) => count == 1 ? "once" : $"{count} times";

    private static string Sentence(IEnumerable<string> parts, string separator = "; ", bool first = false)
    {
        var list = parts.ToList();
        var text = first && list.Count > 1 ? list[0] + " " + string.Join(separator, list.Skip(1)) : string.Join(separator, list);
        return char.ToUpperInvariant(text[0]) + text[1..] + ".";
    }

    private static string Join(IReadOnlyList<string> names) => names.Count switch
    {
        0 => "",
        1 => names[0],
        _ => string.Join(", ", names.Take(names.Count - 1)) + " and " + names[^1],
    };
}
