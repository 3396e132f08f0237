using System.Buffers.Text;
using ClusterSessions.AppHost.Lab.Security;

namespace ClusterSessions.Tests.AppHost.Lab.Security;

public sealed class ControlTokenTests
{
    [Fact]
    public void Create_TwoRuns_DifferentTokensOf256BitsInBase64Url()
    {
        var first = ControlToken.Create().Value;
        var second = ControlToken.Create().Value;

        Assert.NotEqual(first, second);
        Assert.Equal(43, first.Length);
        Assert.Equal(32, Base64Url.DecodeFromChars(first).Length);
        Assert.Matches("^[A-Za-z0-9_-]+$", first);
    }

    [Fact]
    public void Matches_ItsOwnValue_True()
    {
        var token = ControlToken.Create();

        Assert.True(token.Matches(token.Value));
        Assert.True(token.Matches(new string(token.Value.ToCharArray())));
    }

    [Fact]
    public void Matches_AnythingElse_False()
    {
        var token = ControlToken.Create();

        Assert.False(token.Matches(null));
        Assert.False(token.Matches(""));
        Assert.False(token.Matches(token.Value[..^1]));
        Assert.False(token.Matches(token.Value + "A"));
        Assert.False(token.Matches(token.Value.ToUpperInvariant() == token.Value ? token.Value.ToLowerInvariant() : token.Value.ToUpperInvariant()));
        Assert.False(token.Matches(ControlToken.Create().Value));
    }

    [Fact]
    public void ToString_NeverTheToken()
    {
        var token = ControlToken.Create();

        Assert.DoesNotContain(token.Value, token.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(token.Value, $"{token}", StringComparison.Ordinal);
    }
}
