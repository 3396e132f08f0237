using System.Net;

namespace ClusterSessions.Gateway.LoginThrottling;

internal static class LoginThrottlingExtensions
{
    /// <summary>ASP.NET Core's rate limiter with the <see cref="LoginRateLimiterPolicy"/>, which each pool's login route names.</summary>
    public static IServiceCollection AddLoginThrottling(this IServiceCollection services)
    {
        services.AddSingleton<LoginFailures>();
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy<IPAddress, LoginRateLimiterPolicy>(LoginRateLimiterPolicy.Name);
        });
        return services;
    }

    public static IReverseProxyApplicationBuilder UseLoginFailureCounting(this IReverseProxyApplicationBuilder proxy)
    {
        proxy.UseMiddleware<LoginFailureMiddleware>();
        return proxy;
    }
}
