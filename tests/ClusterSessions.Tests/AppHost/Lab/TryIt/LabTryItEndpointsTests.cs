using System.Net;
using System.Net.Http.Json;
using ClusterSessions.AppHost.Lab.Security;
using ClusterSessions.AppHost.Lab.TryIt;

namespace ClusterSessions.Tests.AppHost.Lab.TryIt;

/// <summary>The Try it relay's validation, and what a click shows when the gateway does not answer.</summary>
public sealed class LabTryItEndpointsTests(LabHost host) : IClassFixture<LabHost>
{
    private readonly HttpClient _client = host.CreateClient();

    [Fact]
    public async Task Me_GatewayNotRunning_AnswersAnErrorStepWithTheReason()
    {
        using var response = await _client.PostAsync(new Uri("/api/try/local/me", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var step = await response.JsonAsync();
        Assert.Equal("error", step.GetProperty("outcome").GetString());
        Assert.StartsWith("no answer:", step.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, step.GetProperty("status").ValueKind);
        Assert.Equal("me", step.GetProperty("action").GetString());
        Assert.Equal("local", step.GetProperty("strategy").GetString());
    }

    [Fact]
    public async Task Steps_SameBrowser_AreNumberedInOneVisitAndResetStartsAgain()
    {
        (await _client.DeleteAsync(new Uri("/api/try/sticky", UriKind.Relative))).Dispose();

        var first = await (await _client.PostAsync(new Uri("/api/try/sticky/cart", UriKind.Relative), null)).JsonAsync();
        var second = await (await _client.PostAsync(new Uri("/api/try/sticky/cart", UriKind.Relative), null)).JsonAsync();
        using var reset = await _client.DeleteAsync(new Uri("/api/try/sticky", UriKind.Relative));
        var afterReset = await (await _client.PostAsync(new Uri("/api/try/sticky/cart", UriKind.Relative), null)).JsonAsync();

        Assert.Equal(1, first.GetProperty("step").GetInt32());
        Assert.Equal(2, second.GetProperty("step").GetInt32());
        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        Assert.Equal(1, afterReset.GetProperty("step").GetInt32());
    }

    [Fact]
    public async Task FirstClick_SetsTheLabCookieScopedToTheRelay()
    {
        using var client = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = host.Url };
        client.DefaultRequestHeaders.Add(ControlToken.HeaderName, host.Model.ControlToken.Value);

        using var response = await client.PostAsync(new Uri("/api/try/local/me", UriKind.Relative), null);

        var cookie = response.Headers.GetValues("Set-Cookie").Single();
        Assert.StartsWith($"{TryItSessions.CookieName}=", cookie, StringComparison.Ordinal);
        Assert.Contains("path=/api/try", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("/api/try/redis/me", HttpStatusCode.NotFound, "unknown pool")]
    [InlineData("/api/try/local/dance", HttpStatusCode.BadRequest, "unknown action")]
    [InlineData("/api/try/local/login", HttpStatusCode.BadRequest, "unknown user")]
    public async Task Click_Invalid_AnswersWithReason(string url, HttpStatusCode status, string error)
    {
        using var response = await _client.PostAsJsonAsync(new Uri(url, UriKind.Relative), new { user = "mallory" });

        Assert.Equal(status, response.StatusCode);
        Assert.Equal(error, (await response.JsonAsync()).GetProperty("error").GetString());
    }

    [Fact]
    public async Task Login_MalformedBody_Answers400UnknownUser()
    {
        using var content = new StringContent("{", System.Text.Encoding.UTF8, "application/json");

        using var response = await _client.PostAsync(new Uri("/api/try/local/login", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("unknown user", (await response.JsonAsync()).GetProperty("error").GetString());
    }

    [Fact]
    public async Task Reset_UnknownPool_Answers404()
    {
        using var response = await _client.DeleteAsync(new Uri("/api/try/nope", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
