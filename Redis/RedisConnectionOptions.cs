using System.Globalization;
using System.Text;
using ClusterSessions.Redis.Protocol;

namespace ClusterSessions.Redis;

/// <summary>
/// Where and how to connect. Parsed from <c>host:port[,password=..][,user=..][,database=N][,connectTimeout=ms][,commandTimeout=ms]</c>.
/// The timeouts are short on purpose: a web node must be able to answer 503 within 2 s when Redis is down.
/// </summary>
public sealed class RedisConnectionOptions
{
    public const int DefaultPort = 6379;

    public string Host { get; set; } = "localhost";

    public int Port { get; set; } = DefaultPort;

    /// <summary>ACL user name (Redis 6+); requires <see cref="Password"/>.</summary>
    public string? User { get; set; }

    public string? Password { get; set; }

    public int Database { get; set; }

    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromMilliseconds(2000);

    public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromMilliseconds(1000);

    /// <summary>First delay between reconnect attempts; it doubles up to <see cref="ReconnectMaxDelay"/>.</summary>
    public TimeSpan ReconnectMinDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Cap of the reconnect backoff, which bounds how long a caller waits after the server is back.</summary>
    public TimeSpan ReconnectMaxDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Largest bulk string accepted from the server; at most the protocol limit of 512 MiB.</summary>
    public int MaxBulkLength { get; set; } = RespLimits.ProtocolMaxBulkLength;

    public string EndPoint => Host.Contains(':', StringComparison.Ordinal) ? $"[{Host}]:{Port}" : $"{Host}:{Port}";

    /// <summary><see cref="Parse"/> for validators: false with the message that names the bad part.</summary>
    public static bool TryParse(string? connectionString, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out string? error)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            error = "the connection string is empty (host:port[,password=...])";
            return false;
        }

        try
        {
            Parse(connectionString);
            error = null;
            return true;
        }
        catch (FormatException exception)
        {
            error = exception.Message;
            return false;
        }
    }

    /// <summary>Parses a connection string; a bad part raises <see cref="FormatException"/> naming that part.</summary>
    public static RedisConnectionOptions Parse(string connectionString)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        var options = new RedisConnectionOptions();
        var seenEndPoint = false;
        var seenKeys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var rawPart in connectionString.Split(','))
        {
            var part = rawPart.Trim();
            if (part.Length == 0)
            {
                continue;
            }

            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals < 0)
            {
                if (seenEndPoint)
                {
                    throw PartError(part, "only one endpoint (host:port) is supported");
                }

                ParseEndPoint(part, options);
                seenEndPoint = true;
                continue;
            }

            var key = part[..equals].Trim();
            var value = part[(equals + 1)..].Trim();
            if (!seenKeys.Add(key))
            {
                throw PartError(part, $"'{key}' is given more than once");
            }

            switch (key.ToLowerInvariant())
            {
                case "password":
                    options.Password = value.Length > 0 ? value : throw PartError("password=", "password must not be empty");
                    break;
                case "user":
                    options.User = value.Length > 0 ? value : throw PartError(part, "user must not be empty");
                    break;
                case "database":
                    options.Database = int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var database) && database <= 15
                        ? database
                        : throw PartError(part, "database must be an integer 0-15");
                    break;
                case "connecttimeout":
                    options.ConnectTimeout = ParseMilliseconds(part, "connectTimeout", value);
                    break;
                case "commandtimeout":
                    options.CommandTimeout = ParseMilliseconds(part, "commandTimeout", value);
                    break;
                default:
                    throw PartError(part, "unknown option; expected password, user, database, connectTimeout or commandTimeout");
            }
        }

        if (!seenEndPoint)
        {
            throw new FormatException($"Redis connection string '{Redact(connectionString)}' has no endpoint: expected host:port first, e.g. 'localhost:6379,password=secret'.");
        }

        if (options.User is not null && options.Password is null)
        {
            throw new FormatException("Redis connection string part 'user=': user requires a password part as well.");
        }

        return options;
    }

    /// <summary>The connection string for these options, password included (for handing to a child process).</summary>
    public string ToConnectionString() => Format(includePassword: true);

    /// <summary>The connection string with the password masked, safe for logs.</summary>
    public override string ToString() => Format(includePassword: false);

    internal void CopyTo(RedisConnectionOptions target)
    {
        target.Host = Host;
        target.Port = Port;
        target.User = User;
        target.Password = Password;
        target.Database = Database;
        target.ConnectTimeout = ConnectTimeout;
        target.CommandTimeout = CommandTimeout;
        target.ReconnectMinDelay = ReconnectMinDelay;
        target.ReconnectMaxDelay = ReconnectMaxDelay;
        target.MaxBulkLength = MaxBulkLength;
    }

    internal RespLimits CreateLimits() => RespLimits.Default with { MaxBulkLength = MaxBulkLength };

    private static void ParseEndPoint(string part, RedisConnectionOptions options)
    {
        string host;
        string? port;
        if (part.StartsWith('['))
        {
            // [::1]:6379 — brackets keep the IPv6 colons apart from the port separator.
            var close = part.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
            {
                throw PartError(part, "IPv6 address is missing its closing ']'");
            }

            host = part[1..close];
            var rest = part[(close + 1)..];
            port = rest.Length == 0 ? null : rest.StartsWith(':') ? rest[1..] : throw PartError(part, "expected ':' and a port after ']'");
        }
        else
        {
            var colon = part.LastIndexOf(':');
            if (colon >= 0 && part.IndexOf(':', StringComparison.Ordinal) != colon)
            {
                throw PartError(part, "an IPv6 address must be written in brackets, e.g. [::1]:6379");
            }

            host = colon < 0 ? part : part[..colon];
            port = colon < 0 ? null : part[(colon + 1)..];
        }

        if (host.Length == 0 || host.Any(char.IsWhiteSpace))
        {
            throw PartError(part, "host must not be empty or contain spaces");
        }

        options.Host = host;
        if (port is not null)
        {
            options.Port = int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value is > 0 and <= 65535
                ? value
                : throw PartError(part, "port must be an integer 1-65535");
        }
    }

    private static TimeSpan ParseMilliseconds(string part, string name, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var ms) && ms is > 0 and <= 600_000
            ? TimeSpan.FromMilliseconds(ms)
            : throw PartError(part, $"{name} must be an integer number of milliseconds 1-600000");

    private static FormatException PartError(string part, string problem) =>
        new($"Redis connection string part '{Redact(part)}': {problem}.");

    private static string Redact(string text)
    {
        var parts = text.Split(',');
        for (var i = 0; i < parts.Length; i++)
        {
            if (parts[i].TrimStart().StartsWith("password=", StringComparison.OrdinalIgnoreCase) && parts[i].Trim().Length > "password=".Length)
            {
                parts[i] = "password=*****";
            }
        }

        return string.Join(',', parts);
    }

    private string Format(bool includePassword)
    {
        var builder = new StringBuilder(EndPoint);
        if (User is not null)
        {
            builder.Append(",user=").Append(User);
        }

        if (Password is not null)
        {
            builder.Append(",password=").Append(includePassword ? Password : "*****");
        }

        if (Database != 0)
        {
            builder.Append(CultureInfo.InvariantCulture, $",database={Database}");
        }

        builder.Append(CultureInfo.InvariantCulture, $",connectTimeout={(long)ConnectTimeout.TotalMilliseconds}");
        builder.Append(CultureInfo.InvariantCulture, $",commandTimeout={(long)CommandTimeout.TotalMilliseconds}");
        return builder.ToString();
    }
}
