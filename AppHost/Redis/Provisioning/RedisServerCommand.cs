using System.Globalization;
using System.Text.Json;
using StackExchange.Redis;

namespace ClusterSessions.AppHost.Redis.Provisioning;

/// <summary>Turns a <see cref="RedisServerSpec"/> into the command that starts that server in the foreground.</summary>
internal static class RedisServerCommand
{
    public const string RedisConfFileName = "redis.conf";
    public const string GarnetConfFileName = "garnet.conf";

    /// <summary>
    /// redis-server: <c>redis-server [D/redis.conf] --port N --bind 127.0.0.1 --dir D --appendonly yes --appendfsync everysec --save "" --daemonize no</c>.
    /// <para>
    /// Garnet: <c>dotnet ~/.nuget/packages/garnet-server/V/tools/net10.0/any/GarnetServer.dll --port N --bind 127.0.0.1
    /// --checkpointdir D --aof --recover --device-type RandomAccess --index 16m [--config-import-path D/garnet.conf]</c>.
    /// The dll is run directly rather than through <c>dotnet tool run garnet-server</c>, because the latter is a
    /// second process that starts the server as its child: SIGTERM is forwarded, but a SIGKILL of the parent (a
    /// supervisor's kill, a simulated crash) orphans the server, which keeps the port. Running the dll gives one
    /// process whose pid is the server's, and saves the tool runner's start-up (about 0.4 s).
    /// <c>dotnet tool run</c> from the manifest's directory is only the fallback when the dll cannot be located.
    /// </para>
    /// <para>
    /// Garnet flags: <c>--aof</c> logs every write under <c>--checkpointdir</c> and <c>--recover</c> replays it on
    /// start, so data survives a restart. A commit is issued per write but flushed asynchronously:
    /// the lab and compare (<c>ClusterControl</c>) send <c>COMMITAOF</c> before they stop or restart it; after a SIGKILL only the writes of
    /// the last milliseconds can be missing. <c>--logdir</c> must not be given (it requires
    /// <c>--storage-tier</c>). <c>--device-type RandomAccess</c> avoids Garnet's native Linux device, which needs
    /// libaio (absent on Debian 12 by default) and otherwise fails while replaying the AOF. <c>--index 16m</c>
    /// keeps the resident size near 75 MB instead of 215 MB with the 128m default.
    /// Do not pass <c>-q</c>: it also hides the ready line.
    /// </para>
    /// <para>
    /// A password is never an argument (the Aspire dashboard shows arguments, and <c>/proc/&lt;pid&gt;/cmdline</c> is
    /// readable by every local user): it goes into <see cref="RedisServerLaunch.ConfigFile"/> in the data directory,
    /// <c>requirepass</c> in a redis.conf (redis-server reads a config file named as its first argument) or
    /// <c>AuthenticationMode</c>/<c>Password</c> in a Garnet JSON config (<c>--config-import-path</c>), and whoever
    /// starts the server writes it first (owner-only). Only the connection string carries it.
    /// </para>
    /// </summary>
    public static RedisServerLaunch Create(RedisServerSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(spec.Port, nameof(spec.Port));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(spec.Port, 65535, nameof(spec.Port));
        ArgumentException.ThrowIfNullOrEmpty(spec.DataDirectory, nameof(spec.DataDirectory));
        ArgumentException.ThrowIfNullOrEmpty(spec.BindAddress, nameof(spec.BindAddress));
        if (spec.Password is { Length: 0 })
        {
            throw new ArgumentException("The password must not be empty when set.", nameof(spec));
        }

        if (spec.Password is not null && spec.Password.Any(char.IsControl))
        {
            throw new ArgumentException("The password must not contain control characters.", nameof(spec));
        }

        var dataDirectory = Path.GetFullPath(spec.DataDirectory);
        var port = spec.Port.ToString(CultureInfo.InvariantCulture);
        var host = spec.BindAddress is "0.0.0.0" or "*" or "::" ? "127.0.0.1" : spec.BindAddress;
        var connectionString = new ConfigurationOptions { EndPoints = { { host, spec.Port } }, Password = spec.Password }.ToString();
        return spec.Kind switch
        {
            RedisServerKind.RedisServer => CreateRedisServer(spec, dataDirectory, port, connectionString),
            RedisServerKind.Garnet => CreateGarnet(spec, dataDirectory, port, connectionString),
            _ => throw new ArgumentOutOfRangeException(nameof(spec), spec.Kind, "Unknown server kind."),
        };
    }

    private static RedisServerLaunch CreateRedisServer(RedisServerSpec spec, string dataDirectory, string port, string connectionString)
    {
        var executable = spec.ExecutablePath
            ?? RedisServerLocator.FindRedisServer()
            ?? throw new FileNotFoundException("redis-server not found on PATH (install it, e.g. 'apt-get install redis-server', or use Garnet).", "redis-server");
        var configFile = spec.Password is null
            ? null
            : new RedisServerConfigFile(Path.Combine(dataDirectory, RedisConfFileName), $"requirepass {QuoteForRedisConf(spec.Password)}\n");
        List<string> arguments = configFile is null ? [] : [configFile.Path];
        arguments.AddRange(
        [
            "--port", port,
            "--bind", spec.BindAddress,
            "--dir", dataDirectory,
            "--appendonly", "yes",
            "--appendfsync", "everysec",
            "--save", string.Empty,
            "--daemonize", "no",
        ]);

        return new RedisServerLaunch
        {
            Kind = RedisServerKind.RedisServer,
            FileName = executable,
            Arguments = arguments,
            WorkingDirectory = dataDirectory,
            Port = spec.Port,
            ConnectionString = connectionString,
            ConfigFile = configFile,
        };
    }

    private static RedisServerLaunch CreateGarnet(RedisServerSpec spec, string dataDirectory, string port, string connectionString)
    {
        List<string> serverArguments =
        [
            "--port", port,
            "--bind", spec.BindAddress,
            "--checkpointdir", dataDirectory,
            "--aof",
            "--recover",
            "--device-type", "RandomAccess",
            "--index", "16m",
        ];
        var configFile = spec.Password is null
            ? null
            : new RedisServerConfigFile(
                Path.Combine(dataDirectory, GarnetConfFileName),
                JsonSerializer.Serialize(new Dictionary<string, string> { ["AuthenticationMode"] = "Password", ["Password"] = spec.Password }));
        if (configFile is not null)
        {
            serverArguments.AddRange(["--config-import-path", configFile.Path]);
        }

        var dotnet = RedisServerLocator.FindDotnet();
        if (spec.ExecutablePath is not null)
        {
            return Garnet(dotnet, [spec.ExecutablePath, .. serverArguments], dataDirectory);
        }

        var tool = GarnetTool.Find(spec.ToolManifestSearchDirectory)
            ?? throw new FileNotFoundException(
                "No dotnet tool manifest (.config/dotnet-tools.json) listing garnet-server was found above the current directory.");
        return tool.ServerDllPath is not null
            ? Garnet(dotnet, [tool.ServerDllPath, .. serverArguments], dataDirectory)
            : new RedisServerLaunch
            {
                Kind = RedisServerKind.Garnet,
                FileName = dotnet,
                Arguments = ["tool", "run", GarnetTool.PackageId, "--", .. serverArguments],
                WorkingDirectory = tool.RepositoryRoot,
                Port = spec.Port,
                ConnectionString = connectionString,
                ConfigFile = configFile,
            };

        RedisServerLaunch Garnet(string fileName, IReadOnlyList<string> arguments, string workingDirectory) => new()
        {
            Kind = RedisServerKind.Garnet,
            FileName = fileName,
            Arguments = arguments,
            WorkingDirectory = workingDirectory,
            Port = spec.Port,
            ConnectionString = connectionString,
            ConfigFile = configFile,
        };
    }

    // redis.conf values are split like a shell's: a double-quoted string takes \\ and \" escapes.
    private static string QuoteForRedisConf(string value) =>
        $"\"{value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}\"";
}
