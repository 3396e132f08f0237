using System.Net;
using System.Text;

namespace ClusterSessions.Tests.WebNode.Api;

/// <summary>Malformed request bodies are 400/413 problem answers with a reason, never a 500 (login is the endpoint under test).</summary>
public sealed class JsonBodyTests(WebNodeHost node) : IClassFixture<WebNodeHost>
{
    private readonly HttpClient _client = node.CreateClient();

    [Theory]
    [InlineData("""{"username":"alice",""")]
    [InlineData("""{"username":"alice" "password":"alice-secret"}""")]
    [InlineData("not json")]
    [InlineData("")]
    [InlineData("""["alice","alice-secret"]""")]
    [InlineData("""{"username":42,"password":"alice-secret"}""")]
    public async Task ReadAsync_MalformedJson_Returns400MalformedJson(string body)
    {
        using var response = await NodeApi.PostJsonAsync(_client, "api/login", body);

        await NodeApi.AssertProblemAsync(response, HttpStatusCode.BadRequest, "malformed JSON");
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/xml")]
    public async Task ReadAsync_NonJsonContentType_Returns400(string contentType)
    {
        using var response = await NodeApi.PostJsonAsync(
            _client, "api/login", """{"username":"alice","password":"alice-secret"}""", contentType: contentType);

        await NodeApi.AssertProblemAsync(response, HttpStatusCode.BadRequest, "expected a JSON body");
    }

    [Fact]
    public async Task ReadAsync_NoContentType_Returns400()
    {
        using var content = new ByteArrayContent("""{"username":"alice","password":"alice-secret"}"""u8.ToArray());

        using var response = await NodeApi.PostContentAsync(_client, "api/login", content);

        await NodeApi.AssertProblemAsync(response, HttpStatusCode.BadRequest, "expected a JSON body");
    }

    [Fact]
    public async Task ReadAsync_JsonSuffixContentType_IsAccepted()
    {
        using var response = await NodeApi.PostJsonAsync(
            _client, "api/login", """{"username":"alice","password":"alice-secret"}""", contentType: "application/vnd.login+json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task ReadAsync_UnknownMember_Returns400NamingIt()
    {
        using var response = await NodeApi.PostJsonAsync(
            _client, "api/login", """{"username":"alice","password":"alice-secret","admin":true}""");

        var body = await NodeApi.AssertProblemAsync(response, HttpStatusCode.BadRequest, "malformed JSON");
        Assert.Contains("admin", body.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"username":"alice"}""")]
    [InlineData("""{"password":"alice-secret"}""")]
    [InlineData("{}")]
    public async Task ReadAsync_MissingMember_Returns400(string body)
    {
        using var response = await NodeApi.PostJsonAsync(_client, "api/login", body);

        await NodeApi.AssertProblemAsync(response, HttpStatusCode.BadRequest, "malformed JSON");
    }

    [Fact]
    public async Task ReadAsync_NullMember_Returns400()
    {
        using var response = await NodeApi.PostJsonAsync(_client, "api/login", """{"username":null,"password":"alice-secret"}""");

        await NodeApi.AssertProblemAsync(response, HttpStatusCode.BadRequest, "malformed JSON");
    }

    [Fact]
    public async Task ReadAsync_NullBody_Returns400JsonObjectExpected()
    {
        using var response = await NodeApi.PostJsonAsync(_client, "api/login", "null");

        await NodeApi.AssertProblemAsync(response, HttpStatusCode.BadRequest, "the body must be a JSON object");
    }

    [Theory]
    [InlineData("""{"username":"","password":"alice-secret"}""", "username must be 1-128 characters")]
    [InlineData("""{"username":"alice","password":""}""", "password must be 1-128 characters")]
    public async Task Login_EmptyCredentials_Returns400WithReason(string body, string error)
    {
        using var response = await NodeApi.PostJsonAsync(_client, "api/login", body);

        await NodeApi.AssertProblemAsync(response, HttpStatusCode.BadRequest, error);
    }

    [Fact]
    public async Task ReadAsync_BodyOver8KiBWithContentLength_Returns413()
    {
        using var response = await NodeApi.PostJsonAsync(_client, "api/login", LoginBodyOfLength(8 * 1024 + 1));

        await NodeApi.AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "larger than 8192 bytes");
    }

    [Fact]
    public async Task ReadAsync_BodyOver8KiBWithoutContentLength_Returns413()
    {
        using var content = new UnknownLengthContent(Encoding.UTF8.GetBytes(LoginBodyOfLength(64 * 1024)));
        Assert.Null(content.Headers.ContentLength);

        using var response = await NodeApi.PostContentAsync(_client, "api/login", content);

        await NodeApi.AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "larger than 8192 bytes");
    }

    [Fact]
    public async Task ReadAsync_BodyOfExactly8KiB_IsReadAndValidated()
    {
        // Exactly at the cap: parsed, then rejected by the login rules (the password is too long), not by size.
        using var response = await NodeApi.PostJsonAsync(_client, "api/login", LoginBodyOfLength(8 * 1024));

        await NodeApi.AssertProblemAsync(response, HttpStatusCode.BadRequest, "password must be 1-128 characters");
    }

    private static string LoginBodyOfLength(int length)
    {
        const string prefix = "{\"username\":\"alice\",\"password\":\"";
        const string suffix = "\"}";
        var body = prefix + new string('x', length - prefix.Length - suffix.Length) + suffix;
        Assert.Equal(length, Encoding.UTF8.GetByteCount(body));
        return body;
    }
}
