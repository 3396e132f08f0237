using Microsoft.Extensions.Options;

namespace ClusterSessions.WebNode.Sessions;

internal sealed class SessionStrategyOptionsValidator : IValidateOptions<SessionStrategyOptions>
{
    public ValidateOptionsResult Validate(string? name, SessionStrategyOptions options)
    {
        var failures = new List<string>();
        if (options.Strategy is null)
        {
            failures.Add($"Session:Strategy: required, one of {string.Join(", ", Enum.GetValues<SessionStrategy>().Select(s => s.ToName()))}");
        }

        if (options.IdleTimeout < TimeSpan.FromSeconds(1) || options.IdleTimeout > TimeSpan.FromDays(1))
        {
            failures.Add($"Session:IdleTimeout: '{options.IdleTimeout}' must be between 00:00:01 and 1.00:00:00");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
