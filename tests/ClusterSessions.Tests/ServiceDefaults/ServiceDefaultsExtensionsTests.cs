using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;

namespace ClusterSessions.Tests.ServiceDefaults;

public sealed class ServiceDefaultsExtensionsTests
{
    [Fact]
    public async Task RunClusterServiceAsync_InvalidNodeOptions_Returns1WithoutMappingThePipeline()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = ["--Node:Id=Not Valid"],
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = "Production",
        });
        builder.AddServiceDefaults();
        await using var app = builder.Build();
        var mapped = false;

        var exitCode = await app.RunClusterServiceAsync(_ => mapped = true);

        Assert.Equal(1, exitCode);
        Assert.False(mapped);
    }

    [Fact]
    public async Task RunClusterServiceAsync_NullPipeline_Throws()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        await using var app = builder.Build();

        await Assert.ThrowsAsync<ArgumentNullException>(() => app.RunClusterServiceAsync(null!));
    }
}
