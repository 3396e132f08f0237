using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace ClusterSessions.ServiceDefaults;

internal sealed partial class NodeOptionsValidator : IValidateOptions<NodeOptions>
{
    public ValidateOptionsResult Validate(string? name, NodeOptions options)
    {
        if (!NodeIdPattern().IsMatch(options.Id))
        {
            return ValidateOptionsResult.Fail(
                $"Node:Id: '{options.Id}' is not a valid node id (1-64 characters: lowercase letters, digits, '-')");
        }

        if (options.PathBase.Length > 0 && !PathBasePattern().IsMatch(options.PathBase))
        {
            return ValidateOptionsResult.Fail(
                $"Node:PathBase: '{options.PathBase}' must be empty or one path segment like '/local'.");
        }

        return ValidateOptionsResult.Success;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}\\z")]
    private static partial Regex NodeIdPattern();

    [GeneratedRegex("^/[A-Za-z0-9_-]{1,64}\\z")]
    private static partial Regex PathBasePattern();
}
