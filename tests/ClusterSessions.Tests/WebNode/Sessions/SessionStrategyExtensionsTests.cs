using ClusterSessions.ServiceDefaults;
using ClusterSessions.WebNode.Sessions;
using ClusterSessions.WebNode.Sessions.Local;
using Microsoft.AspNetCore.Builder;
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
        await using var app = Build("--Session:Strategy=memcached", "--Node:Id=local-1");

        var exception = Assert.Throws<OptionsValidationException>(Validate(app));

        Assert.Contains("Session:Strategy: 'memcached' is not one of local, sticky, redis, jwt", exception.Message, StringComparison.Ordinal);
        Assert.True(StartupErrors.TryDescribe(exception, out var line));
        Assert.StartsWith("error: Session:Strategy:", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddSessionStrategy_MissingStrategy_StartupValidationFailsNamingSessionStrategy()
    {
        await using var app = Build("--Node:Id=local-1");

        var exception = Assert.Throws<OptionsValidationException>(Validate(app));

        Assert.Contains("Session:Strategy: ''", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddServiceDefaults_InvalidNodeId_StartupValidationFailsNamingNodeId()
    {
        await using var app = Build("--Session:Strategy=local", "--Node:Id=Local_1");

        var exception = Assert.ThrowsAny<Exception>(Validate(app));

        Assert.True(StartupErrors.TryDescribe(exception, out var line));
        Assert.Equal("error: Node:Id: 'Local_1' is not a valid node id (1-64 characters: lowercase letters, digits, '-')", line);
    }

    [Fact]
    public async Task AddSessionStrategy_BothInvalid_StartupValidationReportsBothKeys()
    {
        await using var app = Build("--Session:Strategy=x", "--Node:Id=X");

        var exception = Assert.ThrowsAny<Exception>(Validate(app));

        Assert.True(StartupErrors.TryDescribe(exception, out var line));
        Assert.Contains("Session:Strategy:", line, StringComparison.Ordinal);
        Assert.Contains("Node:Id:", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("local")]
    [InlineData("sticky")]
    public async Task AddSessionStrategy_LocalOrSticky_ValidatesAndRegistersNodeMemorySessions(string strategy)
    {
        await using var app = Build($"--Session:Strategy={strategy}", "--Node:Id=local-1");

        Validate(app)();

        Assert.IsType<MemorySessionStore>(app.Services.GetRequiredService<ClusterSessions.WebNode.Sessions.Server.ISessionStore>());
        Assert.NotNull(app.Services.GetService<ISessionStrategy>());
    }

    private static WebApplication Build(params string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = "Production",
        });
        builder.AddServiceDefaults();
        builder.AddSessionStrategy();
        return builder.Build();
    }

    private static Action Validate(WebApplication app) =>
        () => app.Services.GetRequiredService<IStartupValidator>().Validate();
}
