using ClusterSessions.ServiceDefaults;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.Hosting;

/// <summary>The wiring every ClusterSessions process shares (Aspire's ServiceDefaults, in miniature).</summary>
public static class ServiceDefaultsExtensions
{
    public const string LiveTag = "live";

    internal const string HealthEndpointPath = "/health";
    internal const string AlivenessEndpointPath = "/alive";

    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        builder.Services.TryAddTimeProvider();
        builder.Services.AddOptions<NodeOptions>()
            .Bind(builder.Configuration.GetSection(NodeOptions.SectionName))
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<NodeOptions>, NodeOptionsValidator>();

        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(options => options.FormatterName = NodeConsoleFormatter.FormatterName)
            .AddConsoleFormatter<NodeConsoleFormatter, ConsoleFormatterOptions>();

        // After ClearProviders, which would otherwise remove the OpenTelemetry logger too.
        builder.ConfigureOpenTelemetry();
        builder.AddDefaultHealthChecks();
        return builder;
    }

    /// <summary>The "self" check, tagged <see cref="LiveTag"/>: it answers <c>/alive</c> as long as the process serves requests.</summary>
    public static TBuilder AddDefaultHealthChecks<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy(), [LiveTag]);
        return builder;
    }

    /// <summary>Every response names the process that made it (<c>X-Served-By</c>).</summary>
    public static WebApplication UseServedByHeader(this WebApplication app)
    {
        app.UseMiddleware<ServedByMiddleware>();
        return app;
    }

    /// <summary>Serves under <c>Node:PathBase</c> (e.g. <c>/local</c>) when one is set; the gateway forwards paths unchanged.</summary>
    public static WebApplication UseNodePathBase(this WebApplication app)
    {
        app.UseMiddleware<NodePathBaseMiddleware>();
        return app;
    }

    /// <summary><c>/health</c>: ready, every check including the stores this process needs; <c>/alive</c>: the process is up.</summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.MapHealthChecks(HealthEndpointPath, new HealthCheckOptions { ResponseWriter = HealthReportWriter.WriteAsync });
        app.MapHealthChecks(AlivenessEndpointPath, new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(LiveTag),
            ResponseWriter = HealthReportWriter.WriteAsync,
        });
        return app;
    }

    /// <summary>
    /// Validates every option, then builds the pipeline with <paramref name="mapPipeline"/> and runs the app.
    /// A bad setting is one line on stderr naming the key, and exit code 1, instead of a stack trace.
    /// </summary>
    public static async Task<int> RunClusterServiceAsync(this WebApplication app, Action<WebApplication> mapPipeline)
    {
        ArgumentNullException.ThrowIfNull(mapPipeline);
        try
        {
            app.Services.GetRequiredService<IStartupValidator>().Validate();
        }
        catch (Exception exception) when (StartupErrors.TryDescribe(exception, out var line))
        {
            await Console.Error.WriteLineAsync(line).ConfigureAwait(false);
            return 1;
        }

        mapPipeline(app);
        try
        {
            await app.RunAsync().ConfigureAwait(false);
            return 0;
        }
        catch (IOException exception) when (exception.InnerException is System.Net.Sockets.SocketException or null)
        {
            await Console.Error.WriteLineAsync($"error: cannot listen: {exception.Message}").ConfigureAwait(false);
            return 1;
        }
    }

    private static void TryAddTimeProvider(this IServiceCollection services)
    {
        if (!services.Any(d => d.ServiceType == typeof(TimeProvider)))
        {
            services.AddSingleton(TimeProvider.System);
        }
    }
}
