using ClusterSessions.WebNode.Sessions.Server;
using Microsoft.AspNetCore.DataProtection;

namespace ClusterSessions.WebNode.Sessions.Local;

internal static class LocalSessionServiceCollectionExtensions
{
    /// <summary>
    /// <c>local</c> and <c>sticky</c>: logins and sessions in node memory, and a key ring that lives and dies with the
    /// process, so no other node can read this node's cookies. (Data Protection's default would share
    /// <c>~/.aspnet/DataProtection-Keys</c> between every process of a machine and hide the failure the demo is about.)
    /// </summary>
    public static IServiceCollection AddLocalSessions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddDataProtection().UseEphemeralDataProtectionProvider();
        services.AddDistributedMemoryCache();
        services.AddSingleton<ILoginIndex, MemoryLoginIndex>();
        return services.AddServerSessions(configuration);
    }
}
