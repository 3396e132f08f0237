using ClusterSessions.ServiceDefaults;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Microsoft.AspNetCore.DataProtection;

public static class DataProtectionBuilderExtensions
{
    /// <summary>Keeps the key ring in this process's memory: nothing on disk, nothing shared, gone at exit.</summary>
    public static IDataProtectionBuilder PersistKeysInProcessMemory(this IDataProtectionBuilder builder)
    {
        builder.Services.AddSingleton<IConfigureOptions<KeyManagementOptions>, InMemoryKeyRing>();
        return builder;
    }
}
