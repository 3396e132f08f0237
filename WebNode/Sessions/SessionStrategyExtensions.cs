using ClusterSessions.WebNode.Api;
using ClusterSessions.WebNode.Sessions.Jwt;
using ClusterSessions.WebNode.Sessions.Local;
using ClusterSessions.WebNode.Sessions.Redis;
using ClusterSessions.WebNode.Users;
using Microsoft.Extensions.Options;

namespace ClusterSessions.WebNode.Sessions;

internal static class SessionStrategyExtensions
{
    /// <summary>Registers the API's services and the session strategy named by <c>Session:Strategy</c>.</summary>
    public static WebApplicationBuilder AddSessionStrategy(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var section = builder.Configuration.GetSection(SessionStrategyOptions.SectionName);
        services.AddOptions<SessionStrategyOptions>().Bind(section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SessionStrategyOptions>, SessionStrategyOptionsValidator>();
        services.AddSingleton<UserDirectory>();
        services.AddSingleton<NodeInfo>();
        services.AddAuthorization();
        services.AddProblemDetails();
        services.AddExceptionHandler<SessionStoreUnavailableHandler>();
        services.AddExceptionHandler<BadRequestHandler>();
        services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.TypeInfoResolverChain.Insert(0, WebNodeJsonContext.Default);
            options.SerializerOptions.DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull;
        });

        // A missing or unknown name registers nothing here: options validation reports it, naming the key, before start.
        switch (Enum.TryParse<SessionStrategy>(section[nameof(SessionStrategyOptions.Strategy)], ignoreCase: true, out var strategy) ? strategy : (SessionStrategy?)null)
        {
            case SessionStrategy.Local or SessionStrategy.Sticky:
                services.AddLocalSessions(builder.Configuration);
                break;
            case SessionStrategy.Redis:
                builder.AddRedisSessions();
                break;
            case SessionStrategy.Jwt:
                builder.AddJwtSessions();
                break;
        }

        return builder;
    }
}
