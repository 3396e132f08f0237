using Aspire.Hosting;
using ClusterSessions.AppHost.Lab;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ClusterSessions.AppHost.Compare;

internal static class CompareExtensions
{
    /// <summary>The <c>compare</c> command: runs once the cluster is healthy, then stops the AppHost.</summary>
    public static IDistributedApplicationBuilder AddCompareRun(this IDistributedApplicationBuilder builder, CompareOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddClusterControl();
        // The console is the report's: Aspire's start-up lines and each fault's action line would break up its progress bars.
        builder.Services.AddLogging(logging => logging.AddFilter("Aspire", LogLevel.Warning));
        builder.Services.AddLogging(logging => logging.AddFilter("ClusterSessions", LogLevel.Warning));
        builder.Services.AddSingleton(options);
        builder.Services.AddHostedService<CompareRun>();
        return builder;
    }
}
