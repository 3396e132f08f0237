using System.Security.Cryptography;
using ClusterSessions.ServiceDefaults;
using ClusterSessions.WebNode.Sessions;
using ClusterSessions.WebNode.Sessions.Jwt;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ClusterSessions.Tests.WebNode.Sessions.Jwt;

/// <summary>
/// The jwt wiring (Program.cs: AddServiceDefaults + AddSessionStrategy) validated the way RunClusterServiceAsync
/// validates it before the pipeline is mapped: a weak key fails with one line naming the key's setting.
/// </summary>
public sealed class JwtStartupValidationTests
{
    [Fact]
    public async Task AddSessionStrategy_Hs256KeyOf16Bytes_StartupValidationFailsNamingJwtKeys0Key()
    {
        var weak = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        await using var app = WebNodeBuilder.Build(
            "--Session:Strategy=jwt",
            "--Node:Id=jwt-1",
            "--Jwt:Issuer=" + JwtNodeHost.Issuer,
            "--Jwt:Audience=" + JwtNodeHost.Audience,
            "--Jwt:Revocation=None",
            "--Jwt:Keys:0:Id=hs-weak",
            "--Jwt:Keys:0:Algorithm=HS256",
            "--Jwt:Keys:0:Key=" + weak);

        var exception = Assert.ThrowsAny<Exception>(() => app.Services.GetRequiredService<IStartupValidator>().Validate());

        Assert.True(StartupErrors.TryDescribe(exception, out var line));
        Assert.Equal("error: Jwt:Keys:0:Key: HS256 key 'hs-weak' is 128 bits; at least 256 are required", line);
        Assert.DoesNotContain(weak, line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddSessionStrategy_Hs256KeyOf32Bytes_StartupValidationPasses()
    {
        await using var app = WebNodeBuilder.Build(
            "--Session:Strategy=jwt",
            "--Node:Id=jwt-1",
            "--Jwt:Issuer=" + JwtNodeHost.Issuer,
            "--Jwt:Audience=" + JwtNodeHost.Audience,
            "--Jwt:Revocation=None",
            "--Jwt:Keys:0:Id=hs-strong",
            "--Jwt:Keys:0:Algorithm=HS256",
            "--Jwt:Keys:0:Key=" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));

        var exception = Record.Exception(() => app.Services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Null(exception);
    }

    [Fact]
    public async Task AddSessionStrategy_MaxLifetimeBelowAccessTokenLifetime_StartupValidationFailsNamingJwtMaxLifetime()
    {
        await using var app = WebNodeBuilder.Build([.. Es256NodeArguments(), "--Jwt:MaxLifetime=00:10:00"]);

        var exception = Assert.ThrowsAny<Exception>(() => app.Services.GetRequiredService<IStartupValidator>().Validate());

        Assert.True(StartupErrors.TryDescribe(exception, out var line));
        Assert.Equal("error: Jwt:MaxLifetime: is 00:10:00; use a value above 00:00:00 and at least Jwt:AccessTokenLifetime (00:15:00)", line);
    }

    [Theory]
    [InlineData("00:00:00")]
    [InlineData("-00:05:00")]
    public async Task AddSessionStrategy_MaxLifetimeNotPositive_StartupValidationFailsNamingJwtMaxLifetime(string value)
    {
        await using var app = WebNodeBuilder.Build([.. Es256NodeArguments(), "--Jwt:MaxLifetime=" + value]);

        var exception = Assert.ThrowsAny<Exception>(() => app.Services.GetRequiredService<IStartupValidator>().Validate());

        Assert.True(StartupErrors.TryDescribe(exception, out var line));
        Assert.StartsWith($"error: Jwt:MaxLifetime: is {value};", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddSessionStrategy_MaxLifetimeNotSet_DefaultsToOneHourAndValidationPasses()
    {
        await using var app = WebNodeBuilder.Build(Es256NodeArguments());

        var exception = Record.Exception(() => app.Services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Null(exception);
        Assert.Equal(TimeSpan.FromHours(1), app.Services.GetRequiredService<IOptions<JwtOptions>>().Value.MaxLifetime);
    }

    private static string[] Es256NodeArguments()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return
        [
            "--Session:Strategy=jwt",
            "--Node:Id=jwt-1",
            "--Jwt:Issuer=" + JwtNodeHost.Issuer,
            "--Jwt:Audience=" + JwtNodeHost.Audience,
            "--Jwt:Revocation=None",
            "--Jwt:Keys:0:Id=es-test",
            "--Jwt:Keys:0:Algorithm=ES256",
            "--Jwt:Keys:0:Key=" + Convert.ToBase64String(key.ExportPkcs8PrivateKey()),
        ];
    }
}
