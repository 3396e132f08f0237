using ClusterSessions.WebNode.Sessions.Server;
using Microsoft.AspNetCore.DataProtection;

namespace ClusterSessions.WebNode.Sessions.Local;

internal static class LocalSessionServiceCollectionExtensions
{
    /// <summary>
    /// <c>local</c> and <c>sticky</c>: sessions in node memory and a key ring that lives and dies with the process,
    /// so no other node can read this node's cookies.
    /// </summary>
    public static IServiceCollection AddLocalSessions(this IServiceCollection services)
    {
        services.AddDataProtection().PersistKeysInProcessMemory();
        services.AddSingleton<MemorySessionStore>();
        services.AddSingleton<ISessionStore>(sp => sp.GetRequiredService<MemorySessionStore>());
        return services.AddServerSessions();
    }
}
