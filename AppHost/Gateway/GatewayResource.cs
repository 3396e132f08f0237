using Aspire.Hosting.ApplicationModel;

namespace ClusterSessions.AppHost.Gateway;

/// <summary>The YARP gateway, run from its built output: the one public entry, <c>/{strategy}/**</c> to each pool.</summary>
internal sealed class GatewayResource(string name, string workingDirectory)
    : ExecutableResource(name, "dotnet", workingDirectory);
