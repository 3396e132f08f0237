using Microsoft.Extensions.Options;

namespace ClusterSessions.WebNode.Sessions;

internal sealed class SessionStrategyOptionsValidator : IValidateOptions<SessionStrategyOptions>
{
    public ValidateOptionsResult Validate(string? name, SessionStrategyOptions options)
    {
        var failures = new List<string>();
        if (!SessionStrategies.All.Contains(options.Strategy))
        {
            failures.Add($"Session:Strategy: '{options.Strategy}' is not one of {string.Join(", ", SessionStrategies.All)}");
        }

        if (options.IdleTimeout < TimeSpan.FromSeconds(1) || options.IdleTimeout > TimeSpan.FromDays(1))
        {
            failures.Add($"Session:IdleTimeout: '{options.IdleTimeout}' must be between 00:00:01 and 1.00:00:00");
        }

        if (string.IsNullOrWhiteSpace(options.CookieName) || options.CookieName.Any(c => !char.IsAsciiLetterOrDigit(c) && c is not ('_' or '-' or '.')))
        {
            failures.Add($"Session:CookieName: '{options.CookieName}' must be letters, digits, '_', '-' or '.'");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
