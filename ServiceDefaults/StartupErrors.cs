using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Options;

namespace ClusterSessions.ServiceDefaults;

public static class StartupErrors
{
    /// <summary>
    /// Turns options validation failures into one line, <c>error: Key: what is wrong; Key2: ...</c>
    /// (validators put the config key first). Anything else is not a configuration error.
    /// </summary>
    public static bool TryDescribe(Exception exception, [NotNullWhen(true)] out string? line)
    {
        IEnumerable<OptionsValidationException>? failures = exception switch
        {
            OptionsValidationException single => [single],
            AggregateException aggregate when aggregate.InnerExceptions.All(e => e is OptionsValidationException)
                => aggregate.InnerExceptions.Cast<OptionsValidationException>(),
            _ => null,
        };

        line = failures is null
            ? null
            : "error: " + string.Join("; ", failures.SelectMany(f => f.Failures).Select(f => f.ReplaceLineEndings(" ")));
        return line is not null;
    }
}
