using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ClusterSessions.AppHost.Lab.Security;

internal static class LabSecurityExtensions
{
    /// <summary>
    /// ASP.NET Core's host filtering on the lab's loopback names: a page that rebinds its own DNS name to 127.0.0.1 still
    /// sends its name as Host, and gets 400 (DNS rebinding).
    /// </summary>
    public static IServiceCollection AddLabHostFiltering(this IServiceCollection services) =>
        services.AddHostFiltering(options =>
        {
            options.AllowedHosts = [.. ControlTokenMiddleware.Hosts];
            options.AllowEmptyHosts = false;
        });

    /// <summary>Host filtering, then the control token and origin checks of <see cref="ControlTokenMiddleware"/>.</summary>
    /// <param name="logger">The AppHost's logger: the lab's own web application logs nowhere.</param>
    public static IApplicationBuilder UseLabSecurity(this IApplicationBuilder app, ControlToken token, ILogger<ControlTokenMiddleware> logger)
    {
        app.UseHostFiltering();
        return app.UseMiddleware<ControlTokenMiddleware>(token, logger);
    }
}
