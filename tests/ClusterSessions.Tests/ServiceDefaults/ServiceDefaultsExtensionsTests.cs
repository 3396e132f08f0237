using ClusterSessions.ServiceDefaults;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Instrumentation.AspNetCore;
using OpenTelemetry.Instrumentation.Http;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace ClusterSessions.Tests.ServiceDefaults;

public sealed class ServiceDefaultsExtensionsTests
{
    // Set on the command line so that an OTEL_* variable of the machine running the tests cannot decide the outcome.
    private const string NoOtlpEndpoint = "--OTEL_EXPORTER_OTLP_ENDPOINT=";
    private const string NoServiceName = "--OTEL_SERVICE_NAME=";
    private const string OtlpEndpoint = "--OTEL_EXPORTER_OTLP_ENDPOINT=http://127.0.0.1:4317";

    [Fact]
    public async Task RunClusterServiceAsync_InvalidNodeOptions_Returns1WithoutMappingThePipeline()
    {
        var builder = CreateBuilder("--Node:Id=Not Valid");
        builder.AddServiceDefaults();
        await using var app = builder.Build();
        var mapped = false;

        var exitCode = await app.RunClusterServiceAsync(_ => mapped = true);

        Assert.Equal(1, exitCode);
        Assert.False(mapped);
    }

    [Fact]
    public async Task RunClusterServiceAsync_UnconvertibleEnumSetting_Returns1WithoutMappingThePipeline()
    {
        var builder = CreateBuilder("--Node:Id=local-1", "--Schedule:Day=Someday");
        builder.AddServiceDefaults();
        builder.Services.AddOptions<ScheduleSettings>().Bind(builder.Configuration.GetSection("Schedule")).ValidateOnStart();
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

    [Fact]
    public async Task AddServiceDefaults_Always_RegistersTheTracerAndMeterProviders()
    {
        await using var app = Build(NoOtlpEndpoint);

        Assert.NotNull(app.Services.GetService<TracerProvider>());
        Assert.NotNull(app.Services.GetService<MeterProvider>());
    }

    [Fact]
    public void AddServiceDefaults_OtlpEndpointSet_InstrumentsRequestsAndOutgoingCalls()
    {
        var builder = CreateBuilder(OtlpEndpoint);

        builder.AddServiceDefaults();

        Assert.Contains(builder.Services, IsOptionsFactoryOf<AspNetCoreTraceInstrumentationOptions>);
        Assert.Contains(builder.Services, IsOptionsFactoryOf<HttpClientTraceInstrumentationOptions>);
    }

    /// <summary>Nothing would read the spans, and recording them costs every request (the gateway's bake-off measured it).</summary>
    [Fact]
    public void AddServiceDefaults_NoOtlpEndpoint_InstrumentsNothing()
    {
        var builder = CreateBuilder(NoOtlpEndpoint);

        builder.AddServiceDefaults();

        Assert.DoesNotContain(builder.Services, IsOptionsFactoryOf<AspNetCoreTraceInstrumentationOptions>);
        Assert.DoesNotContain(builder.Services, IsOptionsFactoryOf<HttpClientTraceInstrumentationOptions>);
    }

    /// <summary>While ASP.NET Core's hosting logger is enabled, every request gets an Activity and a scope that nothing reads.</summary>
    [Fact]
    public async Task AddServiceDefaults_NoOtlpEndpoint_SwitchesOffTheHostingDiagnosticsLogger()
    {
        await using var app = Build(NoOtlpEndpoint);

        Assert.False(HostingDiagnosticsLogger(app).IsEnabled(LogLevel.Critical));
    }

    [Fact]
    public async Task AddServiceDefaults_OtlpEndpointSet_KeepsTheHostingDiagnosticsLoggerForTheDashboard()
    {
        await using var app = Build(OtlpEndpoint);

        Assert.True(HostingDiagnosticsLogger(app).IsEnabled(LogLevel.Critical));
    }

    [Fact]
    public async Task AddServiceDefaults_NoOtlpEndpoint_KeepsOtherCategoriesLogging()
    {
        await using var app = Build(NoOtlpEndpoint);
        var loggers = app.Services.GetRequiredService<ILoggerFactory>();

        Assert.True(loggers.CreateLogger("Microsoft.AspNetCore.Server.Kestrel").IsEnabled(LogLevel.Critical));
        Assert.True(loggers.CreateLogger("ClusterSessions.Gateway.Forwarding").IsEnabled(LogLevel.Information));
    }

    [Fact]
    public void AddServiceDefaults_OtlpEndpointSet_AddsTheOtlpExporter()
    {
        var builder = CreateBuilder(OtlpEndpoint);

        builder.AddServiceDefaults();

        Assert.Contains(builder.Services, IsOtlpExporter);
    }

    [Theory]
    [InlineData(NoOtlpEndpoint)]
    [InlineData("--OTEL_EXPORTER_OTLP_ENDPOINT= ")]
    public void AddServiceDefaults_NoOtlpEndpoint_AddsNoExporter(string endpointArgument)
    {
        var builder = CreateBuilder(endpointArgument);

        builder.AddServiceDefaults();

        Assert.DoesNotContain(builder.Services, IsOtlpExporter);
    }

    [Fact]
    public async Task AddServiceDefaults_NoOtelServiceName_NamesTheServiceAfterTheNode()
    {
        await using var app = Build(NoOtlpEndpoint, NoServiceName, "--Node:Id=local-2");

        Assert.Equal("local-2", ServiceName(app.Services.GetRequiredService<TracerProvider>()));
        Assert.Equal("local-2", ServiceName(app.Services.GetRequiredService<MeterProvider>()));
    }

    [Fact]
    public async Task AddServiceDefaults_NoOtelServiceNameAndNoNodeId_NamesTheServiceAfterTheDefaultNodeId()
    {
        await using var app = Build(NoOtlpEndpoint, NoServiceName, "--Node:Id=");

        Assert.Equal(Environment.MachineName.ToLowerInvariant(), ServiceName(app.Services.GetRequiredService<TracerProvider>()));
    }

    [Fact]
    public async Task AddServiceDefaults_OtelServiceNameSet_KeepsIt()
    {
        await using var app = Build(NoOtlpEndpoint, "--OTEL_SERVICE_NAME=from-apphost", "--Node:Id=local-2");

        Assert.Equal("from-apphost", ServiceName(app.Services.GetRequiredService<TracerProvider>()));
    }

    [Theory]
    [InlineData("/health", false)]
    [InlineData("/alive", false)]
    [InlineData("/health/details", false)]
    [InlineData("/local/api/me", true)]
    [InlineData("/healthy", true)]
    [InlineData("/", true)]
    public async Task AddServiceDefaults_AspNetCoreTraces_LeaveOutHealthProbes(string path, bool traced)
    {
        // Traces are instrumented only where they are exported.
        await using var app = Build(OtlpEndpoint);
        var filter = app.Services.GetRequiredService<IOptionsMonitor<AspNetCoreTraceInstrumentationOptions>>()
            .Get(Options.DefaultName).Filter;
        var context = new DefaultHttpContext { Request = { Path = path } };

        Assert.NotNull(filter);
        Assert.Equal(traced, filter(context));
    }

    [Fact]
    public async Task AddServiceDefaults_OpenTelemetryLogs_IncludeFormattedMessagesAndScopes()
    {
        await using var app = Build(NoOtlpEndpoint);

        var options = app.Services.GetRequiredService<IOptionsMonitor<OpenTelemetryLoggerOptions>>().CurrentValue;

        Assert.True(options.IncludeFormattedMessage);
        Assert.True(options.IncludeScopes);
    }

    private static ILogger HostingDiagnosticsLogger(WebApplication app) =>
        app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(OpenTelemetryExtensions.HostingDiagnosticsCategory);

    private static bool IsOtlpExporter(ServiceDescriptor descriptor) =>
        descriptor.ServiceType == typeof(IOptionsFactory<OtlpExporterOptions>);

    private static bool IsOptionsFactoryOf<TOptions>(ServiceDescriptor descriptor)
        where TOptions : class =>
        descriptor.ServiceType == typeof(IOptionsFactory<TOptions>);

    private static object? ServiceName(BaseProvider provider) =>
        provider.GetResource().Attributes.SingleOrDefault(a => a.Key == "service.name").Value;

    private static WebApplication Build(params string[] args)
    {
        var builder = CreateBuilder(args);
        builder.AddServiceDefaults();
        return builder.Build();
    }

    private static WebApplicationBuilder CreateBuilder(params string[] args) =>
        WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = "Production",
        });

    private sealed class ScheduleSettings
    {
        public DayOfWeek Day { get; set; }
    }
}
