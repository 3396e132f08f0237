using ClusterSessions.WebNode.Users;

namespace ClusterSessions.Tests.WebNode.Users;

public sealed class UserDirectoryTests
{
    private readonly UserDirectory _users = new();

    [Theory]
    [InlineData("alice")]
    [InlineData("bob")]
    [InlineData("carol")]
    public void Verify_CorrectPassword_ReturnsTheUser(string name)
    {
        var user = _users.Verify(name, $"{name}-secret");

        Assert.NotNull(user);
        Assert.Equal(name, user.Name);
    }

    [Theory]
    [InlineData("alice", "bob-secret")]
    [InlineData("alice", "alice-secret ")]
    [InlineData("alice", "ALICE-SECRET")]
    [InlineData("bob", "")]
    public void Verify_WrongPassword_ReturnsNull(string name, string password) =>
        Assert.Null(_users.Verify(name, password));

    [Theory]
    [InlineData("mallory")]
    [InlineData("Alice")]
    [InlineData("no-such-user")]
    public void Verify_UnknownUser_ReturnsNull(string name) =>
        Assert.Null(_users.Verify(name, $"{name}-secret"));

    [Fact]
    public void DemoUsers_All_StoreHashesNotPasswords()
    {
        Assert.All(DemoUsers.All, user => Assert.DoesNotContain("secret", user.PasswordHash, StringComparison.Ordinal));
        Assert.Equal(["alice", "bob", "carol"], DemoUsers.All.Select(u => u.Name));
    }

    [Fact]
    public void Exists_KnownAndUnknownNames_AnswersByOrdinalName()
    {
        Assert.True(_users.Exists("alice"));
        Assert.False(_users.Exists("ALICE"));
        Assert.False(_users.Exists("mallory"));
    }
}
