using ClusterSessions.ServiceDefaults;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace ClusterSessions.Tests.ServiceDefaults;

public sealed class NodeConsoleFormatterTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2025, 6, 1, 12, 0, 1, 234, TimeSpan.Zero));

    [Fact]
    public void Write_Message_WritesOneLinePrefixedWithTimeLevelAndNodeId()
    {
        var output = Write("local-2", LogLevel.Information, "hello", exception: null);

        Assert.Equal("12:00:01.234 info [local-2] ClusterSessions.WebNode: hello" + Environment.NewLine, output);
    }

    [Fact]
    public void Write_MultiLineMessageAndException_StaysOnOneLine()
    {
        var output = Write("redis-1", LogLevel.Error, "first\nsecond", new InvalidOperationException("broken\nbadly"));

        Assert.Equal(
            "12:00:01.234 fail [redis-1] ClusterSessions.WebNode: first second | InvalidOperationException: broken badly" + Environment.NewLine,
            output);
    }

    [Theory]
    [InlineData(LogLevel.Trace, "trce")]
    [InlineData(LogLevel.Debug, "dbug")]
    [InlineData(LogLevel.Warning, "warn")]
    [InlineData(LogLevel.Critical, "crit")]
    public void Write_EachLevel_UsesTheFourLetterName(LogLevel level, string name) =>
        Assert.Contains($" {name} [local-1] ", Write("local-1", level, "m", null), StringComparison.Ordinal);

    [Fact]
    public void Write_NoNodeIdConfigured_UsesADash() =>
        Assert.Contains(" [-] ", Write(null, LogLevel.Information, "m", null), StringComparison.Ordinal);

    [Fact]
    public void Write_InvalidNodeId_IsStillLoggedAsConfigured() =>
        Assert.Contains(" [Bad Id] ", Write("Bad Id", LogLevel.Information, "m", null), StringComparison.Ordinal);

    [Fact]
    public void Write_NoMessageAndNoException_WritesNothing()
    {
        var formatter = new NodeConsoleFormatter(Configuration("local-1"), _clock);
        using var writer = new StringWriter();
        var entry = new LogEntry<string>(LogLevel.Information, "c", default, "state", null, (_, _) => null!);

        formatter.Write(entry, null, writer);

        Assert.Equal("", writer.ToString());
    }

    private string Write(string? nodeId, LogLevel level, string message, Exception? exception)
    {
        var formatter = new NodeConsoleFormatter(Configuration(nodeId), _clock);
        using var writer = new StringWriter();
        var entry = new LogEntry<string>(level, "ClusterSessions.WebNode", new EventId(1), message, exception, (state, _) => state);
        formatter.Write(entry, new LoggerExternalScopeProvider(), writer);
        return writer.ToString();
    }

    private static IConfiguration Configuration(string? nodeId) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(nodeId is null ? [] : [new KeyValuePair<string, string?>("Node:Id", nodeId)])
            .Build();
}
