using System.Net;

namespace ClusterSessions.Tests.WebNode.Sessions.Jwt;

/// <summary>
/// Duplicate JSON members in a validly signed token. RFC 7515 section 4 and RFC 7519 section 4 allow a parser either
/// to refuse them or to take the last one; these tests pin what this stack (IdentityModel 8.23) does: the LAST wins.
/// </summary>
public sealed class JwtDuplicateMemberTests(JwtNodeHost node) : IClassFixture<JwtNodeHost>
{
    private readonly HttpClient _client = node.CreateClient();

    [Theory]
    [InlineData("alice", "mallory")]
    [InlineData("mallory", "alice")]
    public async Task Me_DuplicateNameClaim_LastDuplicateWins(string first, string last)
    {
        var claims = TokenForge.Claims(node, "alice").ToJsonString();
        var duplicated = claims.Replace("\"name\":\"alice\"", $"\"name\":\"{first}\",\"name\":\"{last}\"", StringComparison.Ordinal);
        Assert.NotEqual(claims, duplicated);
        var token = TokenForge.SignEs256(TokenForge.Header().ToJsonString(), duplicated, node.SigningKey);

        Assert.Equal(last, await JwtApi.MeAsync(_client, token));
    }

    [Theory]
    [InlineData("alice", "mallory")]
    [InlineData("mallory", "alice")]
    public async Task AddToCart_DuplicateSubClaim_LastDuplicateWinsInTheReissuedToken(string first, string last)
    {
        var claims = TokenForge.Claims(node, "alice").ToJsonString();
        var duplicated = claims.Replace("\"sub\":\"alice\"", $"\"sub\":\"{first}\",\"sub\":\"{last}\"", StringComparison.Ordinal);
        Assert.NotEqual(claims, duplicated);
        var token = TokenForge.SignEs256(TokenForge.Header().ToJsonString(), duplicated, node.SigningKey);

        using var response = await JwtApi.AddToCartAsync(_client, token, "pen");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reissued = (await JwtApi.ReadJsonAsync(response)).GetProperty("token").GetString()!;
        Assert.Equal(last, TokenForge.Segment(reissued, 1).GetProperty("sub").GetString());
    }

    [Fact]
    public async Task Me_DuplicateHeaderAlgNoneThenEs256_LastDuplicateWinsAndIsAccepted()
    {
        var header = $$"""{"alg":"none","alg":"ES256","kid":"{{JwtNodeHost.KeyId}}","typ":"JWT"}""";
        var token = TokenForge.SignEs256(header, TokenForge.Claims(node, "carol").ToJsonString(), node.SigningKey);

        Assert.Equal("carol", await JwtApi.MeAsync(_client, token));
    }

    [Fact]
    public async Task Me_DuplicateHeaderAlgEs256ThenNone_LastDuplicateWinsAndIsRefused()
    {
        var header = $$"""{"alg":"ES256","alg":"none","kid":"{{JwtNodeHost.KeyId}}","typ":"JWT"}""";
        var token = TokenForge.SignEs256(header, TokenForge.Claims(node, "carol").ToJsonString(), node.SigningKey);

        using var response = await JwtApi.GetAsync(_client, "api/me", token);

        await JwtApi.AssertRejectedAsync(response, RejectionReasons.Signature);
    }
}
