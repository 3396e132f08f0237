using System.Net;

namespace ClusterSessions.Tests.WebNode.Sessions.Server;

/// <summary>The request's user comes from the node's session store, whose sliding expiration runs on the injected clock.</summary>
public sealed class SessionAuthenticationHandlerTests : IDisposable
{
    private readonly TestTimeProvider _clock = new();
    private readonly WebNodeHost _node;
    private readonly HttpClient _client;

    public SessionAuthenticationHandlerTests()
    {
        _node = new WebNodeHost("local-1", _clock);
        _client = _node.CreateClient();
    }

    [Fact]
    public async Task Authenticate_SessionIdleLongerThanTheTimeout_Returns401StoreDoesNotHoldIt()
    {
        var cookie = await NodeApi.LoginAsync(_client, "alice");

        _clock.Advance(TimeSpan.FromMinutes(20));

        using var response = await NodeApi.GetAsync(_client, "api/me", cookie);
        var body = await NodeApi.AssertProblemAsync(response, HttpStatusCode.Unauthorized, "not logged in");
        Assert.Equal("this node's session store does not hold that session", body.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Authenticate_SessionUsedWithinEachTimeout_StaysLoggedIn()
    {
        var cookie = await NodeApi.LoginAsync(_client, "alice");

        for (var i = 0; i < 4; i++)
        {
            _clock.Advance(TimeSpan.FromMinutes(19));
            using var response = await NodeApi.GetAsync(_client, "api/me", cookie);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    public void Dispose()
    {
        _client.Dispose();
        _node.Dispose();
    }
}
