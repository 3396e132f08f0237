using System.Text;

namespace ClusterSessions.AppHost.Redis.Provisioning;

/// <summary>What server to start, where it keeps its data and how it is reached.</summary>
internal sealed record RedisServerSpec
{
    public required RedisServerKind Kind { get; init; }

    public required int Port { get; init; }

    /// <summary>Where the append-only file lives; a restart on the same directory keeps the data.</summary>
    public required string DataDirectory { get; init; }

    /// <summary>When set, clients must AUTH with it (<c>requirepass</c> / Garnet password auth).</summary>
    public string? Password { get; init; }

    public string BindAddress { get; init; } = "127.0.0.1";

    /// <summary>
    /// The redis-server binary, or Garnet's <c>GarnetServer.dll</c>. Default: redis-server from PATH;
    /// GarnetServer.dll resolved from the garnet-server tool in the nearest <c>.config/dotnet-tools.json</c>.
    /// </summary>
    public string? ExecutablePath { get; init; }

    /// <summary>Where to start looking (upwards) for the tool manifest; default the current directory, then the app's base directory.</summary>
    public string? ToolManifestSearchDirectory { get; init; }

    // Records print every property; the password is a secret.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Kind = ").Append(Kind)
            .Append(", Port = ").Append(Port)
            .Append(", DataDirectory = ").Append(DataDirectory)
            .Append(", Password = ").Append(Password is null ? "(none)" : "***")
            .Append(", BindAddress = ").Append(BindAddress)
            .Append(", ExecutablePath = ").Append(ExecutablePath)
            .Append(", ToolManifestSearchDirectory = ").Append(ToolManifestSearchDirectory);
        return true;
    }
}
