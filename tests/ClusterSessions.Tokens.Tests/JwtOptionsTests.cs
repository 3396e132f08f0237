using ClusterSessions.Tokens.Tests.TestSupport;
using Microsoft.Extensions.Configuration;

namespace ClusterSessions.Tokens.Tests;

public sealed class JwtOptionsTests
{
    [Fact]
    public void Defaults_Always_MatchTheDesign()
    {
        var options = new JwtOptions();

        Assert.Equal(TimeSpan.FromMinutes(15), options.AccessTokenLifetime);
        Assert.Equal(TimeSpan.FromSeconds(30), options.ClockSkew);
        Assert.Equal(8192, options.MaxTokenBytes);
        Assert.Equal("JWT", options.TokenType);
        Assert.Equal("Jwt", JwtOptions.SectionName);
    }

    [Fact]
    public void Validate_ValidOptions_NoErrors()
    {
        Assert.Empty(TokenFixture.OptionsWith(TestKeys.Es256("k1"), TestKeys.Hs256("h1")).Validate());
    }

    [Fact]
    public void Validate_WeakHs256Key_ErrorNamesConfigPathAndKey()
    {
        var options = TokenFixture.OptionsWith(TestKeys.Es256("e0"), TestKeys.Hs256("k1", 16));

        var error = Assert.Single(options.Validate());

        Assert.Equal("Jwt:Keys:1:Key: HS256 key 'k1' is 128 bits; at least 256 are required", error);
    }

    [Fact]
    public void Validate_EverythingWrong_OneLinePerProblem()
    {
        var options = new JwtOptions
        {
            Issuer = "",
            Audience = " ",
            TokenType = "",
            AccessTokenLifetime = TimeSpan.Zero,
            ClockSkew = TimeSpan.FromHours(1),
            MaxTokenBytes = 10,
            Keys = [TestKeys.Hs256("a"), TestKeys.Hs256("a"), new JwtKeyDescriptor { Id = "b", Algorithm = "RS256", Key = "x" }],
        };

        var errors = options.Validate();

        Assert.Equal(
        [
            "Jwt:Issuer: is required",
            "Jwt:Audience: is required",
            "Jwt:TokenType: is required (e.g. JWT)",
            "Jwt:AccessTokenLifetime: is 00:00:00; use a value above 00:00:00 and at most 1.00:00:00",
            "Jwt:ClockSkew: is 01:00:00; use a value from 00:00:00 to 00:05:00",
            "Jwt:MaxTokenBytes: is 10; use a value from 512 to 65536",
            "Jwt:Keys:1:Id: key id 'a' is listed twice",
            "Jwt:Keys:2:Algorithm: key 'b' has algorithm 'RS256'; use ES256 or HS256",
        ], errors);
        Assert.All(errors, e => Assert.DoesNotContain('\n', e));
    }

    [Fact]
    public void Validate_NoKeys_ErrorNamesKeys()
    {
        var error = Assert.Single((TokenFixture.OptionsWith() with { Keys = [] }).Validate());

        Assert.StartsWith("Jwt:Keys: at least one key is required", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Bind_EnvironmentVariables_ProduceOptionsAndKeys()
    {
        var es256 = JwtKeyDescriptor.Generate("es-1");
        var hs256 = JwtKeyDescriptor.Generate("hs-1", JwtAlgorithms.HS256);
        var prefix = $"CSTOKENSTEST{Guid.NewGuid():N}_";
        var variables = new Dictionary<string, string>
        {
            ["Jwt__Issuer"] = "https://cluster.test",
            ["Jwt__Audience"] = "jwt-pool",
            ["Jwt__AccessTokenLifetime"] = "00:05:00",
            ["Jwt__Keys__0__Id"] = hs256.Id,
            ["Jwt__Keys__0__Algorithm"] = "HS256",
            ["Jwt__Keys__0__Key"] = hs256.Key,
            ["Jwt__Keys__1__Id"] = es256.Id,
            ["Jwt__Keys__1__Algorithm"] = "ES256",
            ["Jwt__Keys__1__Key"] = es256.Key,
            ["Jwt__Keys__1__CreatedAt"] = "2025-06-01T00:00:00Z",
        };
        try
        {
            foreach (var (name, value) in variables)
            {
                Environment.SetEnvironmentVariable(prefix + name, value);
            }

            var configuration = new ConfigurationBuilder().AddEnvironmentVariables(prefix).Build();
            var options = configuration.GetSection(JwtOptions.SectionName).Get<JwtOptions>()!;

            Assert.Empty(options.Validate());
            Assert.Equal("https://cluster.test", options.Issuer);
            Assert.Equal(TimeSpan.FromMinutes(5), options.AccessTokenLifetime);
            Assert.Equal(TimeSpan.FromSeconds(30), options.ClockSkew);
            Assert.Equal(["hs-1", "es-1"], options.Keys.Select(k => k.Id));
            Assert.Equal(new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.Zero), options.Keys[1].CreatedAt);
            using var keys = JwtKeySet.Create(options.Keys);
            Assert.Equal("es-1", keys.SigningKey.Id);
        }
        finally
        {
            foreach (var name in variables.Keys)
            {
                Environment.SetEnvironmentVariable(prefix + name, null);
            }
        }
    }
}
