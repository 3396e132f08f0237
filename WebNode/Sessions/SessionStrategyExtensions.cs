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
        services.AddOptions<SessionStrategyOptions>()
            .Bind(builder.Configuration.GetSection(SessionStrategyOptions.SectionName))
            .ValidateOnStart();
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

        // An unknown name registers nothing here: options validation reports it, naming the key, before start.
        switch (builder.Configuration[$"{SessionStrategyOptions.SectionName}:{nameof(SessionStrategyOptions.Strategy)}"])
        {
            case SessionStrategies.Local or SessionStrategies.Sticky:
                services.AddLocalSessions();
                break;
            case SessionStrategies.Redis:
                services.AddRedisSessions(builder.Configuration);
                break;
            case SessionStrategies.Jwt:
                services.AddJwtSessions(builder.Configuration);
                break;
        }

        return builder;
    }
}
