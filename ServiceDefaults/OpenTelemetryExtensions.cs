using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace ClusterSessions.ServiceDefaults;

/// <summary>Logs, metrics and traces over OTLP, as Aspire's ServiceDefaults template wires them.</summary>
internal static class OpenTelemetryExtensions
{
    /// <summary>The AppHost sets it to the Aspire dashboard's OTLP endpoint; without it nothing is exported.</summary>
    public const string OtlpEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>
    /// ASP.NET Core's hosting logger. While it is enabled at any level, every request gets an <see cref="System.Diagnostics.Activity"/>
    /// and a logging scope, listener or not, and HttpClient then sends a <c>traceparent</c> on to the next hop. Without an
    /// exporter nothing reads them (the console format prints no scopes); its per-request messages are Information and
    /// Debug, below the configured Warning, and a startup failure it would log ends the process with the exception anyway.
    /// Switching it off took 10–15 % off the CPU per request of the gateway and of plain YARP in the bake-off; YARP's own
    /// benchmarks do the same (dotnet/yarp#700). An exporting process keeps it: the dashboard's structured logs show
    /// each request's scope, and its traces the hops.
    /// </summary>
    public const string HostingDiagnosticsCategory = "Microsoft.AspNetCore.Hosting.Diagnostics";

    public static TBuilder ConfigureOpenTelemetry<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        // Without an exporter nobody reads a span or a measurement, yet recording them is work on every request: an
        // Activity with its tags for the request and for each outgoing call (the HttpClient instrumentation also turns on
        // the handler's DiagnosticListener path), and a histogram update per instrument. The gateway's bake-off measured
        // that as part of its CPU per request. So the providers are there either way (the wiring stays testable), but
        // only an exporting process gives them instrumentation. An incoming traceparent still reaches the nodes: YARP
        // copies it like any other header.
        var exporting = IsExporting(builder.Configuration);
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddDetector(
                services => new NodeServiceNameDetector(services.GetRequiredService<IConfiguration>())))
            .WithMetrics(metrics =>
            {
                if (exporting)
                {
                    metrics
                        .AddAspNetCoreInstrumentation()
                        .AddHttpClientInstrumentation()
                        .AddRuntimeInstrumentation();
                }
            })
            .WithTracing(tracing =>
            {
                if (exporting)
                {
                    tracing
                        .AddSource(builder.Environment.ApplicationName)
                        // Probes arrive every couple of seconds from the gateway and the AppHost; as traces they would bury the requests.
                        .AddAspNetCoreInstrumentation(options => options.Filter = context => !IsProbe(context.Request.Path))
                        .AddHttpClientInstrumentation();
                }
                else
                {
                    // Other packages add instrumentation of their own (Aspire's Redis client on the nodes): sample none of it.
                    tracing.SetSampler(new AlwaysOffSampler());
                }
            });

        if (!exporting)
        {
            builder.Logging.AddFilter(HostingDiagnosticsCategory, LogLevel.None);
        }

        return builder.AddOpenTelemetryExporters();
    }

    private static TBuilder AddOpenTelemetryExporters<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        if (IsExporting(builder.Configuration))
        {
            builder.Services.AddOpenTelemetry().UseOtlpExporter();
        }

        return builder;
    }

    private static bool IsExporting(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration[OtlpEndpointVariable]);

    private static bool IsProbe(PathString path) =>
        path.StartsWithSegments(ServiceDefaultsExtensions.HealthEndpointPath)
        || path.StartsWithSegments(ServiceDefaultsExtensions.AlivenessEndpointPath);
}
