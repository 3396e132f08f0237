using ClusterSessions.Tokens;
using ClusterSessions.WebNode.Sessions.Redis;
using Microsoft.Extensions.Options;

namespace ClusterSessions.WebNode.Sessions.Jwt;

/// <summary>Checks the token settings and the keys themselves (a weak HS256 secret fails here, naming the key).</summary>
internal sealed class JwtSessionOptionsValidator(IConfiguration configuration, IOptions<JwtOptions> tokenOptions)
    : IValidateOptions<JwtSessionOptions>
{
    public ValidateOptionsResult Validate(string? name, JwtSessionOptions options)
    {
        var failures = new List<string>(tokenOptions.Value.Validate(JwtOptions.SectionName));
        if (failures.Count == 0)
        {
            try
            {
                JwtKeySet.Create(tokenOptions.Value.Keys).Dispose();
            }
            catch (JwtKeyException exception)
            {
                failures.Add($"{JwtOptions.SectionName}:Keys: {exception.Message}");
            }
        }

        if (options.Revocation is not (JwtSessionOptions.DenyList or JwtSessionOptions.None))
        {
            failures.Add($"Jwt:Revocation: '{options.Revocation}' is not one of {JwtSessionOptions.DenyList}, {JwtSessionOptions.None}");
        }
        else if (options.Revocation == JwtSessionOptions.DenyList
            && !RedisSessionOptionsValidator.TryParse(configuration.GetConnectionString(RedisSessionOptions.ConnectionStringName), out var error))
        {
            failures.Add($"ConnectionStrings:{RedisSessionOptions.ConnectionStringName}: {error} (needed by Jwt:Revocation=DenyList)");
        }

        if (options.RevocationStoreDown is not (JwtSessionOptions.FailClosed or JwtSessionOptions.FailOpen))
        {
            failures.Add($"Jwt:RevocationStoreDown: '{options.RevocationStoreDown}' is not one of {JwtSessionOptions.FailClosed}, {JwtSessionOptions.FailOpen}");
        }

        if (options.MaxCookieBytes is < 256 or > 4096)
        {
            failures.Add($"Jwt:MaxCookieBytes: '{options.MaxCookieBytes}' must be between 256 and 4096");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
