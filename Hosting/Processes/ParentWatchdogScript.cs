namespace ClusterSessions.Hosting.Processes;

/// <summary>
/// Runs a foreign program (redis-server, Garnet) under <c>/bin/sh</c> so it dies with the AppHost, even when the
/// AppHost is SIGKILLed. SIGTERM to the shell is passed on, so a graceful stop stays graceful.
/// </summary>
internal static class ParentWatchdogScript
{
    // $1 = parent pid, the rest = the command. Polls once a second, like the .NET children's watchdog.
    private const string Script = """
        parent=$1; shift
        "$@" &
        child=$!
        trap 'kill -TERM $child 2>/dev/null' TERM INT
        while kill -0 "$parent" 2>/dev/null && kill -0 "$child" 2>/dev/null; do sleep 1; done
        if ! kill -0 "$parent" 2>/dev/null; then kill -KILL "$child" 2>/dev/null; fi
        wait "$child"
        """;

    public static (string FileName, IReadOnlyList<string> Arguments) Wrap(string fileName, IReadOnlyList<string> arguments) =>
        ("/bin/sh", ["-c", Script, "watchdog", Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture), fileName, .. arguments]);
}
