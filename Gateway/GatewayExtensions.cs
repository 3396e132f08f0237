using ClusterSessions.Gateway.Admin;
using ClusterSessions.Gateway.Forwarding;
using ClusterSessions.Gateway.LoginThrottling;
using ClusterSessions.Gateway.Pools;
using ClusterSessions.Gateway.Traffic;
using Microsoft.Extensions.Options;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Health;

namespace ClusterSessions.Gateway;

internal static class GatewayExtensions
{
    public static WebApplicationBuilder AddGateway(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<GatewayOptions>()
            .Bind(builder.Configuration.GetSection(GatewayOptions.SectionName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<GatewayOptions>, GatewayOptionsValidator>();
        services.AddSingleton<PoolRegistry>();
        services.AddSingleton<IProxyConfigProvider>(sp => sp.GetRequiredService<PoolRegistry>().ProxyConfig);
        services.AddReverseProxy();
        services.AddLoginThrottling();
        services.AddGatewayTraffic();
        services.AddProblemDetails();

        // A killed node refuses connections: a few failed forwards take it out before the next active probe.
        // The window is short so that a restarted node is not kept out for long by its old failures.
        services.Configure<TransportFailureRateHealthPolicyOptions>(options =>
        {
            options.DetectionWindowSize = TimeSpan.FromSeconds(5);
            options.MinimalTotalCountThreshold = 3;
        });
        return builder;
    }

    public static WebApplication MapGateway(this WebApplication app)
    {
        app.UseServedByHeader();
        app.UseStatusCodePages();
        var adminPort = app.Services.GetRequiredService<IOptions<GatewayOptions>>().Value.AdminPort;
        if (adminPort > 0)
        {
            app.UseMiddleware<AdminAccessMiddleware>();
            app.MapGatewayAdmin(adminPort);
            app.MapGatewayTraffic(adminPort);
        }

        // After routing, so it knows the login routes' policy; a refused login never reaches the proxy pipeline.
        app.UseRateLimiter();
        app.MapDefaultEndpoints();
        app.MapReverseProxy(proxy =>
        {
            proxy.UseTrafficRecording();
            proxy.UseLoginFailureCounting();
            proxy.UseMiddleware<RetryOnAnotherNodeMiddleware>();
            proxy.UseSessionAffinity();
            proxy.UseLoadBalancing();
            proxy.UsePassiveHealthChecks();
        });
        return app;
    }
}
