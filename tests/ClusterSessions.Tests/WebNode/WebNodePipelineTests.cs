using System.Net;

namespace ClusterSessions.Tests.WebNode;

public sealed class WebNodePipelineTests(WebNodeHost node) : IClassFixture<WebNodeHost>
{
    private readonly HttpClient _client = node.CreateClient();

    [Theory]
    [InlineData("GET", "api/node", "", HttpStatusCode.OK)]
    [InlineData("GET", "api/visits", "", HttpStatusCode.OK)]
    [InlineData("GET", "api/me", "", HttpStatusCode.Unauthorized)]
    [InlineData("GET", "api/cart", "", HttpStatusCode.Unauthorized)]
    [InlineData("POST", "api/login", """{"username":"alice","password":"nope"}""", HttpStatusCode.Unauthorized)]
    [InlineData("POST", "api/login", "{", HttpStatusCode.BadRequest)]
    [InlineData("POST", "api/logout", "", HttpStatusCode.NoContent)]
    [InlineData("GET", "api/no-such-endpoint", "", HttpStatusCode.NotFound)]
    [InlineData("DELETE", "api/me", "", HttpStatusCode.MethodNotAllowed)]
    [InlineData("GET", "/elsewhere/api/node", "", HttpStatusCode.NotFound)]
    [InlineData("GET", "/health", "", HttpStatusCode.OK)]
    [InlineData("GET", "", "", HttpStatusCode.OK)]
    public async Task AnyRequest_AnyOutcome_ResponseCarriesXServedByWithTheNodeId(string method, string path, string body, HttpStatusCode status)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
        if (method == "POST")
        {
            request.Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        }

        using var response = await _client.SendAsync(request);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal(["local-1"], response.Headers.GetValues("X-Served-By"));
    }

    [Theory]
    [InlineData("/health")]
    [InlineData("/alive")]
    [InlineData("/local/health")]
    [InlineData("/local/alive")]
    public async Task HealthEndpoints_Get_Return200HealthyJson(string path)
    {
        using var response = await _client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = await NodeApi.ReadJsonAsync(response);
        Assert.Equal("Healthy", body.GetProperty("status").GetString());
        Assert.Equal("Healthy", body.GetProperty("checks").GetProperty("self").GetProperty("status").GetString());
    }

    [Fact]
    public async Task UnknownRoute_Get_Returns404Problem()
    {
        using var response = await NodeApi.GetAsync(_client, "api/no-such-endpoint");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
