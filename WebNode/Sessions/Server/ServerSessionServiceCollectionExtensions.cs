using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Session;
using Microsoft.Extensions.Options;

namespace ClusterSessions.WebNode.Sessions.Server;

internal static class ServerSessionServiceCollectionExtensions
{
    public const string SessionCookieName = "cs_session";

    /// <summary>
    /// Cookie authentication with its tickets in the registered <see cref="Microsoft.Extensions.Caching.Distributed.IDistributedCache"/>,
    /// and ASP.NET Core session over the same cache. The caller registers the cache, the key ring and an <see cref="ILoginIndex"/>.
    /// </summary>
    public static IServiceCollection AddServerSessions(this IServiceCollection services, IConfiguration configuration)
    {
        var pathBase = configuration["Node:PathBase"] is { Length: > 0 } path ? path : "/";
        services.AddSession();
        // Deferred: the settings are bound (and a bad value reported, naming its key) when options are validated.
        services.AddOptions<SessionOptions>().Configure<IOptions<SessionStrategyOptions>>((options, settings) =>
        {
            options.Cookie.Name = SessionCookieName;
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.Cookie.IsEssential = true;
            options.Cookie.Path = pathBase;
            options.IdleTimeout = settings.Value.IdleTimeout;
            // The store's own timeouts (1 s) answer first; this only bounds a store that ignores them.
            options.IOTimeout = TimeSpan.FromSeconds(5);
        });
        services.AddSingleton<ITicketStore, DistributedTicketStore>();
        services.AddAuthentication(LoginCookie.Scheme)
            .AddCookie(LoginCookie.Scheme, options => options.ForwardSignIn = LoginCookie.SignInScheme)
            .AddCookie(LoginCookie.SignInScheme);
        foreach (var scheme in (string[])[LoginCookie.Scheme, LoginCookie.SignInScheme])
        {
            // Both schemes write and read the same cookie: one ticket format, one ticket store.
            services.AddOptions<CookieAuthenticationOptions>(scheme).Configure<ITicketStore, IDataProtectionProvider, IOptions<SessionStrategyOptions>>((options, store, dataProtection, settings) =>
            {
                LoginCookie.Configure(options, settings.Value.IdleTimeout);
                options.SessionStore = store;
                options.TicketDataFormat = new TicketDataFormat(dataProtection.CreateProtector("ClusterSessions.LoginCookie.v1"));
            });
        }

        services.AddSingleton<SessionData>();
        services.AddSingleton<ISessionStrategy, ServerSessionStrategy>();
        return services;
    }
}
