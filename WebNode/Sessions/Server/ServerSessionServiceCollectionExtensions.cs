using Microsoft.AspNetCore.Authentication;

namespace ClusterSessions.WebNode.Sessions.Server;

internal static class ServerSessionServiceCollectionExtensions
{
    /// <summary>The cookie → session id → store machinery, over whichever <see cref="ISessionStore"/> is registered.</summary>
    public static IServiceCollection AddServerSessions(this IServiceCollection services)
    {
        services.AddSingleton<SessionCookie>();
        services.AddSingleton<ServerSessionStrategy>();
        services.AddSingleton<ISessionStrategy>(sp => sp.GetRequiredService<ServerSessionStrategy>());
        services.AddAuthentication(SessionAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, SessionAuthenticationHandler>(SessionAuthenticationHandler.SchemeName, null);
        return services;
    }
}
