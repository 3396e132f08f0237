namespace ClusterSessions.Tokens.Tests;

public sealed class Base64UrlSegmentTests
{
    [Theory]
    [InlineData("", true)]
    [InlineData("AA", true)]
    [InlineData("AAA", true)]
    [InlineData("AAAA", true)]
    [InlineData("-_-_", true)]
    [InlineData("A", false)]
    [InlineData("AAAAA", false)]
    [InlineData("AB", false)]
    [InlineData("AAB", false)]
    [InlineData("AA==", false)]
    [InlineData("A+/A", false)]
    [InlineData("AA A", false)]
    public void IsCanonical_Input_Expected(string text, bool expected)
    {
        Assert.Equal(expected, Base64UrlSegment.IsCanonical(text));
    }

    [Fact]
    public void IsCanonical_EncoderOutput_AlwaysTrue()
    {
        for (var length = 0; length < 70; length++)
        {
            var bytes = Enumerable.Range(0, length).Select(i => (byte)(255 - i)).ToArray();
            var text = System.Buffers.Text.Base64Url.EncodeToString(bytes);

            Assert.True(Base64UrlSegment.IsCanonical(text), text);
            Assert.Equal(length, Base64UrlSegment.DecodedLength(text.Length));
        }
    }
}
