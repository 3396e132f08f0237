using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Configuration;

namespace ClusterSessions.ServiceDefaults;

/// <summary>
/// One line per entry, prefixed with the node id, so interleaved logs of a whole cluster stay readable:
/// <c>12:00:01.234 info [local-2] ClusterSessions.WebNode: message</c>.
/// </summary>
internal sealed class NodeConsoleFormatter(IConfiguration configuration, TimeProvider timeProvider)
    : ConsoleFormatter(FormatterName)
{
    public const string FormatterName = "node";

    // Read raw, not through validated options: a bad Node:Id must still be logged, not crash the logger.
    private readonly string _nodeId = configuration[$"{NodeOptions.SectionName}:{nameof(NodeOptions.Id)}"] ?? "-";

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var message = logEntry.Formatter?.Invoke(logEntry.State, logEntry.Exception);
        if (message is null && logEntry.Exception is null)
        {
            return;
        }

        textWriter.Write(timeProvider.GetLocalNow().ToString("HH:mm:ss.fff", System.Globalization.CultureInfo.InvariantCulture));
        textWriter.Write(' ');
        textWriter.Write(LevelName(logEntry.LogLevel));
        textWriter.Write(" [");
        textWriter.Write(_nodeId);
        textWriter.Write("] ");
        textWriter.Write(logEntry.Category);
        textWriter.Write(": ");
        textWriter.Write(message?.ReplaceLineEndings(" "));
        if (logEntry.Exception is { } exception)
        {
            textWriter.Write(" | ");
            textWriter.Write(exception.GetType().Name);
            textWriter.Write(": ");
            textWriter.Write(exception.Message.ReplaceLineEndings(" "));
        }

        textWriter.WriteLine();
    }

    private static string LevelName(LogLevel level) => level switch
    {
        LogLevel.Trace => "trce",
        LogLevel.Debug => "dbug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warn",
        LogLevel.Error => "fail",
        LogLevel.Critical => "crit",
        _ => "none",
    };
}
