using ClusterSessions.Redis;
using ClusterSessions.Tokens;
using ClusterSessions.WebNode.Sessions.Redis;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace ClusterSessions.WebNode.Sessions.Jwt;

internal static class JwtSessionServiceCollectionExtensions
{
    /// <summary><c>jwt</c>: signed tokens carry identity and cart; Redis only for the deny-list (<c>Jwt:Revocation=DenyList</c>).</summary>
    public static IServiceCollection AddJwtSessions(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(JwtOptions.SectionName);
        services.AddOptions<JwtOptions>().Bind(section);
        services.AddOptions<JwtSessionOptions>().Bind(section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<JwtSessionOptions>, JwtSessionOptionsValidator>();

        var revocation = section[nameof(JwtSessionOptions.Revocation)] ?? JwtSessionOptions.DenyList;
        var connectionString = configuration.GetConnectionString(RedisSessionOptions.ConnectionStringName);
        if (revocation == JwtSessionOptions.DenyList && RedisSessionOptionsValidator.TryParse(connectionString, out _))
        {
            services.AddRedisClient(connectionString!);
            services.AddSingleton<IRevocationList, RedisRevocationList>();
        }
        else
        {
            // With DenyList and a bad connection string, startup validation stops the node before any request.
            services.AddSingleton<IRevocationList, NoRevocationList>();
        }

        services.AddSingleton<JwtTokenServices>();
        services.AddSingleton<VisitCounterCookie>();
        services.AddSingleton<ISessionStrategy, JwtSessionStrategy>();
        services.AddSingleton<IStartupFilter, TokenBytesHeaderStartupFilter>();
        services.AddAuthentication(JwtAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, JwtAuthenticationHandler>(JwtAuthenticationHandler.SchemeName, null);
        return services;
    }
}
