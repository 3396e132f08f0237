using ClusterSessions.ServiceDefaults;
using ClusterSessions.WebNode.Sessions;
using ClusterSessions.WebNode.Sessions.Local;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ClusterSessions.Tests.WebNode.Sessions;

/// <summary>
/// The WebNode's own wiring (Program.cs: AddServiceDefaults + AddSessionStrategy), validated the way
/// RunClusterServiceAsync validates it before the pipeline is mapped.
/// </summary>
public sealed class SessionStrategyExtensionsTests
{
    [Fact]
    public async Task AddSessionStrategy_UnknownStrategy_StartupValidationFailsNamingSessionStrategy()
    {
        await using var app = WebNodeBuilder.Build("--Session:Strategy=memcached", "--Node:Id=local-1");

        var exception = Assert.ThrowsAny<Exception>(WebNodeBuilder.Validate(app));

        Assert.True(StartupErrors.TryDescribe(exception, out var line));
        Assert.Equal("error: Session:Strategy: 'memcached' is not one of Local, Sticky, Redis, Jwt", line);
    }

    [Fact]
    public async Task AddSessionStrategy_MissingStrategy_StartupValidationFailsNamingSessionStrategy()
    {
        await using var app = WebNodeBuilder.Build("--Node:Id=local-1");

        var exception = Assert.Throws<OptionsValidationException>(WebNodeBuilder.Validate(app));

        Assert.Contains("Session:Strategy: required, one of local, sticky, redis, jwt", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddServiceDefaults_InvalidNodeId_StartupValidationFailsNamingNodeId()
    {
        await using var app = WebNodeBuilder.Build("--Session:Strategy=local", "--Node:Id=Local_1");

        var exception = Assert.ThrowsAny<Exception>(WebNodeBuilder.Validate(app));

        Assert.True(StartupErrors.TryDescribe(exception, out var line));
        Assert.Equal("error: Node:Id: 'Local_1' is not a valid node id (1-64 characters: lowercase letters, digits, '-')", line);
    }

    [Fact]
    public async Task AddSessionStrategy_BothInvalid_StartupValidationReportsBothKeys()
    {
        await using var app = WebNodeBuilder.Build("--Session:IdleTimeout=00:00:00", "--Node:Id=X");

        var exception = Assert.ThrowsAny<Exception>(WebNodeBuilder.Validate(app));

        Assert.True(StartupErrors.TryDescribe(exception, out var line));
        Assert.Contains("Session:Strategy:", line, StringComparison.Ordinal);
        Assert.Contains("Session:IdleTimeout:", line, StringComparison.Ordinal);
        Assert.Contains("Node:Id:", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("local")]
    [InlineData("sticky")]
    public async Task AddSessionStrategy_LocalOrSticky_ValidatesAndRegistersNodeMemorySessions(string strategy)
    {
        await using var app = WebNodeBuilder.Build($"--Session:Strategy={strategy}", "--Node:Id=local-1");

        WebNodeBuilder.Validate(app)();

        Assert.IsType<MemoryLoginIndex>(app.Services.GetRequiredService<ClusterSessions.WebNode.Sessions.Server.ILoginIndex>());
        Assert.IsType<MemoryDistributedCache>(app.Services.GetRequiredService<IDistributedCache>());
        Assert.IsType<EphemeralDataProtectionProvider>(app.Services.GetRequiredService<IDataProtectionProvider>());
        Assert.NotNull(app.Services.GetService<ISessionStrategy>());
    }

    [Theory]
    [InlineData("", "required")]
    [InlineData("127.0.0.1:6379,password=hunter2,connectTimeout=soon", "is not a StackExchange.Redis connection string")]
    public async Task AddSessionStrategy_RedisWithBadConnectionString_FailsNamingTheKeyWithoutEchoingIt(string connectionString, string expected)
    {
        await using var app = WebNodeBuilder.Build("--Session:Strategy=redis", "--Node:Id=redis-1", $"--ConnectionStrings:redis={connectionString}");

        var exception = Assert.ThrowsAny<Exception>(WebNodeBuilder.Validate(app));

        Assert.True(StartupErrors.TryDescribe(exception, out var line));
        Assert.StartsWith("error: ConnectionStrings:redis: ", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.Contains("(needed by Session:Strategy=redis)", line, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddSessionStrategy_BadStoreDownValue_FailsNamingTheKeyAndValues()
    {
        await using var app = WebNodeBuilder.Build("--Session:Strategy=local", "--Node:Id=local-1", "--Session:StoreDown=Ignore");

        var exception = Assert.ThrowsAny<Exception>(WebNodeBuilder.Validate(app));

        Assert.True(StartupErrors.TryDescribe(exception, out var line));
        Assert.Equal("error: Session:StoreDown: 'Ignore' is not one of Fail, Silent", line);
    }
}
