using ClusterSessions.WebNode.Api;

namespace ClusterSessions.Tests.WebNode.Api;

public sealed class LoginRequestTests
{
    [Fact]
    public void Validate_NamesAndPasswordsWithinLimits_ReturnsNull()
    {
        Assert.Null(new LoginRequest("alice", "alice-secret").Validate());
        Assert.Null(new LoginRequest(new string('u', 128), new string('p', 128)).Validate());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(129)]
    public void Validate_UsernameLengthOutOfRange_ReturnsTheUsernameRule(int length) =>
        Assert.Equal("username must be 1-128 characters", new LoginRequest(new string('u', length), "secret").Validate());

    [Theory]
    [InlineData(0)]
    [InlineData(129)]
    public void Validate_PasswordLengthOutOfRange_ReturnsThePasswordRule(int length) =>
        Assert.Equal("password must be 1-128 characters", new LoginRequest("alice", new string('p', length)).Validate());
}
