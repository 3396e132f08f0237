using System.Text.RegularExpressions;
using ClusterSessions.Hosting.ApplicationModel;

namespace ClusterSessions.Hosting.Dashboard.Logs;

/// <summary>
/// Reads a level off a console line, so the Logs view can filter by it. Knows the nodes' and the gateway's format
/// (<c>12:00:01.234 info [local-2] Category: message</c>) and redis-server's (<c>pid:M date time * message</c>);
/// anything else is <c>info</c>, or <c>fail</c> when it came on stderr.
/// </summary>
internal static partial class LogLevels
{
    public static readonly IReadOnlyList<string> All = ["trce", "dbug", "info", "warn", "fail", "crit"];

    public static string Parse(string text, bool isError)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (NodeLine().Match(text) is { Success: true } node)
        {
            return node.Groups["level"].Value;
        }

        if (RedisLine().Match(text) is { Success: true } redis)
        {
            return redis.Groups["mark"].Value switch
            {
                "#" => "warn",
                "*" => "info",
                _ => "dbug",
            };
        }

        return isError ? "fail" : "info";
    }

    public static LogLineView View(LogLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return new LogLineView(line.Sequence, line.Timestamp, Parse(line.Text, line.IsError), line.IsError, line.Text);
    }

    [GeneratedRegex(@"^\d{2}:\d{2}:\d{2}\.\d{3} (?<level>trce|dbug|info|warn|fail|crit) ")]
    private static partial Regex NodeLine();

    // redis-server: "24596:C 21 Nov 2026 09:28:45.317 # message"; the mark is . debug, - verbose, * notice, # warning.
    [GeneratedRegex(@"^\d+:[XCSM] \d{1,2} \w{3} \d{4} \d{2}:\d{2}:\d{2}\.\d{3} (?<mark>[.\-*#]) ")]
    private static partial Regex RedisLine();
}
