using ClusterSessions.WebNode.Sessions.Server;

namespace ClusterSessions.Tests.WebNode.Sessions.Server;

public sealed class SessionIdsTests
{
    [Fact]
    public void New_Always_Returns43Base64UrlCharacters()
    {
        var id = SessionIds.New();

        Assert.Equal(43, id.Length);
        Assert.Matches("^[A-Za-z0-9_-]{43}$", id);
        Assert.True(SessionIds.IsWellFormed(id));
    }

    [Fact]
    public void New_CalledRepeatedly_NeverRepeats()
    {
        var ids = Enumerable.Range(0, 1000).Select(_ => SessionIds.New()).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(1000, ids.Count);
    }

    [Theory]
    [InlineData("")]
    [InlineData("short")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA+")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA:")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAé")]
    public void IsWellFormed_NotA43CharBase64UrlString_ReturnsFalse(string id) =>
        Assert.False(SessionIds.IsWellFormed(id));

    [Fact]
    public void IsWellFormed_43Base64UrlCharacters_ReturnsTrue() =>
        Assert.True(SessionIds.IsWellFormed("abcdefghijklmnopqrstuvwxyzABCDEFGHIJ0123-_9"));
}
