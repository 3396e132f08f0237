using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace ClusterSessions.ServiceDefaults;

public static partial class StartupErrors
{
    /// <summary>
    /// Turns configuration errors into one line, <c>error: Key: what is wrong; Key2: ...</c>: options validation
    /// failures (validators put the config key first) and values the configuration binder could not convert.
    /// Anything else is not a configuration error.
    /// </summary>
    public static bool TryDescribe(Exception exception, [NotNullWhen(true)] out string? line)
    {
        ArgumentNullException.ThrowIfNull(exception);
        IReadOnlyCollection<Exception> causes = exception is AggregateException aggregate ? aggregate.InnerExceptions : [exception];
        var failures = new List<string>();
        line = null;
        if (causes.Count == 0)
        {
            return false;
        }

        foreach (var cause in causes)
        {
            if (!TryDescribeOne(cause, failures))
            {
                return false;
            }
        }

        line = "error: " + string.Join("; ", failures.Select(f => f.ReplaceLineEndings(" ")));
        return true;
    }

    private static bool TryDescribeOne(Exception exception, List<string> failures)
    {
        switch (exception)
        {
            case OptionsValidationException validation:
                failures.AddRange(validation.Failures);
                return true;
            case InvalidOperationException when BinderConversionFailure().Match(exception.Message) is { Success: true } match:
                failures.Add(DescribeConversion(match.Groups["value"].Value, match.Groups["key"].Value, match.Groups["type"].Value));
                return true;
            default:
                return false;
        }
    }

    // The binder names the target type ("Some.Namespace.SessionStrategy"); a user setting Session__Strategy needs the
    // allowed values instead, and no .NET type name.
    private static string DescribeConversion(string value, string key, string typeName) =>
        FindType(typeName) is { IsEnum: true } enumType
            ? $"{key}: '{value}' is not one of {string.Join(", ", Enum.GetNames(enumType))}"
            : $"{key}: '{value}' is not a valid value";

    private static Type? FindType(string fullName) =>
        AppDomain.CurrentDomain.GetAssemblies()
            .Select(assembly => assembly.GetType(fullName, throwOnError: false))
            .FirstOrDefault(type => type is not null);

    // Microsoft.Extensions.Configuration.Binder's "FailedBinding" message.
    [GeneratedRegex(@"\AFailed to convert configuration value '(?<value>.*)' at '(?<key>[^']*)' to type '(?<type>[^']*)'\.\z", RegexOptions.Singleline)]
    private static partial Regex BinderConversionFailure();
}
