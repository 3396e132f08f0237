using ClusterSessions.AppHost.Compare;

namespace ClusterSessions.Tests.AppHost.Compare;

public sealed class PercentilesTests
{
    [Theory]
    [InlineData(50, 5)]
    [InlineData(95, 10)]
    [InlineData(99, 10)]
    [InlineData(10, 1)]
    [InlineData(0, 1)]
    [InlineData(100, 10)]
    public void Of_OneToTen_IsTheNearestRank(double p, double expected) =>
        Assert.Equal(expected, Percentiles.Of([10, 9, 8, 7, 6, 5, 4, 3, 2, 1], p));

    [Fact]
    public void Of_Empty_IsZero() => Assert.Equal(0, Percentiles.Of([], 99));

    [Fact]
    public void Of_OutOfRange_Throws() => Assert.Throws<ArgumentOutOfRangeException>(() => Percentiles.Of([1], 101));
}
