using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ClusterSessions.Tests.WebNode;

/// <summary>The WebNode's own wiring (Program.cs), built from command-line style settings and validated the way RunClusterServiceAsync does.</summary>
internal static class WebNodeBuilder
{
    public static WebApplication Build(params string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = "Production",
        });
        builder.AddServiceDefaults();
        ClusterSessions.WebNode.Sessions.SessionStrategyExtensions.AddSessionStrategy(builder);
        return builder.Build();
    }

    public static Action Validate(WebApplication app) =>
        () => app.Services.GetRequiredService<IStartupValidator>().Validate();
}
