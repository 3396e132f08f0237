using Microsoft.Extensions.Logging;

namespace ClusterSessions.Tests.AppHost.Lab.Security;

/// <summary>
/// A logger provider whose one logger keeps every line, formatted, with its level and event id: what the AppHost's
/// console would show.
/// </summary>
internal sealed class LogLines : ILoggerProvider, ILogger
{
    private readonly Lock _lock = new();
    private readonly List<(LogLevel Level, EventId EventId, string Message)> _lines = [];

    public IReadOnlyList<(LogLevel Level, EventId EventId, string Message)> Lines
    {
        get
        {
            lock (_lock)
            {
                return [.. _lines];
            }
        }
    }

    public ILogger CreateLogger(string categoryName) => this;

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        var message = formatter(state, exception);
        lock (_lock)
        {
            _lines.Add((logLevel, eventId, message));
        }
    }

    public void Dispose()
    {
    }
}
