using Microsoft.Extensions.Time.Testing;
using ClusterSessions.Hosting.ApplicationModel;

namespace ClusterSessions.Tests.Hosting.ApplicationModel;

public sealed class LogBufferTests
{
    private readonly FakeTimeProvider _clock = TestClock.Create();

    [Fact]
    public void Add_Lines_NumbersThemFromOneWithTheClocksTime()
    {
        var buffer = new LogBuffer(_clock);

        buffer.Add("first", isError: false);
        _clock.Advance(TimeSpan.FromSeconds(1));
        buffer.Add("second", isError: true);

        Assert.Equal(
            [
                new LogLine(1, TestClock.Start, false, "first"),
                new LogLine(2, TestClock.Start.AddSeconds(1), true, "second"),
            ],
            buffer.Snapshot());
    }

    [Fact]
    public void Add_BeyondCapacity_DropsTheOldestAndKeepsCounting()
    {
        var buffer = new LogBuffer(_clock, capacity: 3);

        for (var i = 1; i <= 5; i++)
        {
            buffer.Add($"line {i}", isError: false);
        }

        var lines = buffer.Snapshot();
        Assert.Equal([3L, 4L, 5L], lines.Select(l => l.Sequence));
        Assert.Equal(["line 3", "line 4", "line 5"], lines.Select(l => l.Text));
    }

    [Fact]
    public void Snapshot_AfterASequence_ReturnsOnlyNewerLinesOldestFirst()
    {
        var buffer = new LogBuffer(_clock);
        for (var i = 1; i <= 4; i++)
        {
            buffer.Add($"line {i}", isError: false);
        }

        Assert.Equal([3L, 4L], buffer.Snapshot(afterSequence: 2).Select(l => l.Sequence));
        Assert.Empty(buffer.Snapshot(afterSequence: 4));
    }

    [Fact]
    public void Snapshot_Returned_IsNotChangedByLaterLines()
    {
        var buffer = new LogBuffer(_clock);
        buffer.Add("one", isError: false);
        var snapshot = buffer.Snapshot();

        buffer.Add("two", isError: false);

        Assert.Single(snapshot);
    }

    [Fact]
    public void Add_Line_RaisesLineAdded()
    {
        var buffer = new LogBuffer(_clock);
        var seen = new List<LogLine>();
        buffer.LineAdded += seen.Add;

        buffer.Add("hello", isError: true);

        Assert.Equal([new LogLine(1, TestClock.Start, true, "hello")], seen);
    }

    [Fact]
    public void Capacity_Default_Is5000() => Assert.Equal(LogBuffer.DefaultCapacity, new LogBuffer(_clock).Capacity);
}
