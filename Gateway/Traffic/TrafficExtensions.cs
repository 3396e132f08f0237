namespace ClusterSessions.Gateway.Traffic;

internal static class TrafficExtensions
{
    public static IServiceCollection AddGatewayTraffic(this IServiceCollection services) =>
        services.AddSingleton(_ => new TrafficLog());

    /// <summary>First in the proxy pipeline, so each request is recorded once, with its final node and status.</summary>
    public static IReverseProxyApplicationBuilder UseTrafficRecording(this IReverseProxyApplicationBuilder proxy)
    {
        proxy.UseMiddleware<TrafficRecorderMiddleware>();
        return proxy;
    }
}
