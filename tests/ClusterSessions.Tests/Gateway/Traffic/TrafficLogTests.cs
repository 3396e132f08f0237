using ClusterSessions.Gateway.Traffic;

namespace ClusterSessions.Tests.Gateway.Traffic;

public sealed class TrafficLogTests
{
    private static readonly DateTimeOffset Now = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Add_Requests_NumbersThemAndCountsPerNodePerPool()
    {
        var log = new TrafficLog();

        log.Add(Now, "local", "GET", "/local/api/me", "local-1", 200, 1);
        log.Add(Now, "local", "GET", "/local/api/me", "local-2", 401, 1);
        log.Add(Now, "local", "GET", "/local/api/me", "local-1", 200, 1);
        log.Add(Now, "sticky", "POST", "/sticky/api/login", null, 502, 1);

        var page = log.Read(0, 100);
        Assert.Equal([1L, 2L, 3L, 4L], page.Records.Select(r => r.Sequence));
        Assert.Equal(4, page.Last);
        Assert.Equal(2, page.Counts["local"]["local-1"]);
        Assert.Equal(1, page.Counts["local"]["local-2"]);
        Assert.Equal(1, page.Counts["sticky"][TrafficLog.NoNode]);
    }

    [Fact]
    public void Read_After_OnlyNewerRecordsAtMostTheNewestLimit()
    {
        var log = new TrafficLog();
        for (var i = 0; i < 10; i++)
        {
            log.Add(Now, "local", "GET", $"/local/{i}", "local-1", 200, 1);
        }

        var page = log.Read(after: 4, limit: 3);

        Assert.Equal([8L, 9L, 10L], page.Records.Select(r => r.Sequence));
        Assert.Equal(10, page.Last);
    }

    [Fact]
    public void Add_BeyondCapacity_DropsTheOldestButKeepsCounting()
    {
        var log = new TrafficLog(capacity: 2);
        for (var i = 0; i < 5; i++)
        {
            log.Add(Now, "local", "GET", "/local/api/node", "local-1", 200, 1);
        }

        var page = log.Read(0, 100);

        Assert.Equal([4L, 5L], page.Records.Select(r => r.Sequence));
        Assert.Equal(5, page.Counts["local"]["local-1"]);
    }

    [Fact]
    public void Constructor_NoCapacity_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new TrafficLog(capacity: 0));
}
