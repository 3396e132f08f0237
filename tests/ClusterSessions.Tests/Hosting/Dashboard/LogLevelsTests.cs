using ClusterSessions.Hosting.ApplicationModel;
using ClusterSessions.Hosting.Dashboard.Logs;

namespace ClusterSessions.Tests.Hosting.Dashboard;

public sealed class LogLevelsTests
{
    [Theory]
    [InlineData("trce")]
    [InlineData("dbug")]
    [InlineData("info")]
    [InlineData("warn")]
    [InlineData("fail")]
    [InlineData("crit")]
    public void Parse_NodeLine_ReadsItsLevel(string level) =>
        Assert.Equal(level, LogLevels.Parse($"12:00:01.234 {level} [local-2] ClusterSessions.WebNode: message", isError: false));

    [Theory]
    [InlineData("24596:C 21 Nov 2026 09:28:45.317 # Redis version=7.0.15", "warn")]
    [InlineData("24596:M 21 Nov 2026 09:28:45.321 * Ready to accept connections tcp", "info")]
    [InlineData("24596:M 1 Nov 2026 09:28:45.321 - Client closed connection", "dbug")]
    [InlineData("24596:M 21 Nov 2026 09:28:45.321 . debug detail", "dbug")]
    public void Parse_RedisServerLine_MapsItsMark(string line, string level) =>
        Assert.Equal(level, LogLevels.Parse(line, isError: false));

    [Theory]
    [InlineData("something else entirely", false, "info")]
    [InlineData("Unhandled exception. System.InvalidOperationException", true, "fail")]
    [InlineData("[apphost] process 42 exited with code 137", true, "fail")]
    [InlineData("12:00:01 info missing milliseconds", false, "info")]
    [InlineData("12:00:01.234 warn", false, "info")]
    public void Parse_OtherLine_IsInfoOrFailByStream(string line, bool isError, string level) =>
        Assert.Equal(level, LogLevels.Parse(line, isError));

    [Fact]
    public void Parse_LevelWordLaterInTheLine_IsNotTakenForTheLevel() =>
        Assert.Equal("info", LogLevels.Parse("12:00:01.234 info [local-1] Category: a warn b fail", isError: false));

    [Fact]
    public void View_LogLine_KeepsSequenceTimestampAndText()
    {
        var line = new LogLine(7, TestClock.Start, false, "12:00:01.234 warn [gateway] Yarp: slow");

        var view = LogLevels.View(line);

        Assert.Equal(new LogLineView(7, TestClock.Start, "warn", false, line.Text), view);
    }
}
