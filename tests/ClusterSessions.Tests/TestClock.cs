using Microsoft.Extensions.Time.Testing;

namespace ClusterSessions.Tests;

/// <summary>The start of every test's clock: a <see cref="FakeTimeProvider"/> that moves only when the test says.</summary>
internal static class TestClock
{
    public static readonly DateTimeOffset Start = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    public static FakeTimeProvider Create() => new(Start);
}
