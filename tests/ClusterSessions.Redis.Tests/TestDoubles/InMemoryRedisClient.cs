using System.Globalization;

namespace ClusterSessions.Redis.Tests.TestDoubles;

/// <summary>
/// An <see cref="IRedisClient"/> that runs a handful of commands against dictionaries, with key expiry on a
/// test clock. It records every command, so tests can assert both behaviour and what went over the wire.
/// </summary>
internal sealed class InMemoryRedisClient(TimeProvider timeProvider) : IRedisClient
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, object> _data = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _expiry = new(StringComparer.Ordinal);

    public event EventHandler<RedisConnectionStateChangedEventArgs>? StateChanged
    {
        add { }
        remove { }
    }

    public string EndPoint => "in-memory:0";

    public RedisConnectionState State => RedisConnectionState.Connected;

    public bool IsConnected => true;

    public List<string[]> Commands { get; } = [];

    /// <summary>Replaces the behaviour of every command (failures, hangs).</summary>
    public Func<RedisCommand, CancellationToken, Task<RedisValue>>? Override { get; set; }

    public Task ConnectAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task<RedisValue> ExecuteAsync(RedisCommand command, CancellationToken cancellationToken = default)
    {
        if (Override is { } handler)
        {
            return handler(command, cancellationToken);
        }

        lock (_lock)
        {
            var reply = Run(command.GetParts().ToArray());
            return reply.IsError ? Task.FromException<RedisValue>(new RedisServerException(reply.AsString()!)) : Task.FromResult(reply);
        }
    }

    public Task<IReadOnlyList<RedisValue>> ExecuteTransactionAsync(IReadOnlyList<RedisCommand> commands, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            Commands.Add(["MULTI"]);
            IReadOnlyList<RedisValue> replies = [.. commands.Select(c => Run(c.GetParts().ToArray()))];
            Commands.Add(["EXEC"]);
            return Task.FromResult(replies);
        }
    }

    public long PTtl(string key)
    {
        lock (_lock)
        {
            return Run(["PTTL", key]).AsInt64();
        }
    }

    private RedisValue Run(string[] command)
    {
        Commands.Add(command);
        var now = timeProvider.GetUtcNow();
        foreach (var expired in _expiry.Where(e => e.Value <= now).Select(e => e.Key).ToList())
        {
            _data.Remove(expired);
            _expiry.Remove(expired);
        }

        var key = command.Length > 1 ? command[1] : string.Empty;
        switch (command[0])
        {
            case "PING":
                return RedisValue.SimpleString("PONG");
            case "GET":
                return _data.TryGetValue(key, out var text) ? RedisValue.BulkString((string)text) : RedisValue.Null;
            case "SET":
                _data[key] = command[2];
                _expiry.Remove(key);
                return RedisValue.SimpleString("OK");
            case "DEL":
                var removed = command.Skip(1).Count(k => _data.Remove(k));
                foreach (var k in command.Skip(1))
                {
                    _expiry.Remove(k);
                }

                return RedisValue.Integer(removed);
            case "HSET":
                var hash = Hash(key);
                var added = 0;
                for (var i = 2; i < command.Length; i += 2)
                {
                    added += hash.TryAdd(command[i], command[i + 1]) ? 1 : 0;
                    hash[command[i]] = command[i + 1];
                }

                return RedisValue.Integer(added);
            case "HMGET":
                var existing = _data.TryGetValue(key, out var h) ? (Dictionary<string, string>)h : [];
                return RedisValue.Array(command.Skip(2).Select(f => existing.TryGetValue(f, out var v) ? RedisValue.BulkString(v) : RedisValue.Null));
            case "PEXPIRE":
                if (!_data.ContainsKey(key))
                {
                    return RedisValue.Integer(0);
                }

                _expiry[key] = now.AddMilliseconds(long.Parse(command[2], CultureInfo.InvariantCulture));
                return RedisValue.Integer(1);
            case "PTTL":
                return !_data.ContainsKey(key) ? RedisValue.Integer(-2)
                    : _expiry.TryGetValue(key, out var at) ? RedisValue.Integer((long)(at - now).TotalMilliseconds)
                    : RedisValue.Integer(-1);
            case "RPUSH":
                var list = _data.TryGetValue(key, out var l) ? (List<string>)l : [];
                _data[key] = list;
                list.AddRange(command.Skip(2));
                return RedisValue.Integer(list.Count);
            case "LRANGE":
                return RedisValue.Array(_data.TryGetValue(key, out var all) ? ((List<string>)all).Select(RedisValue.BulkString) : []);
            default:
                return RedisValue.Error($"ERR unknown command '{command[0]}'");
        }
    }

    private Dictionary<string, string> Hash(string key)
    {
        if (!_data.TryGetValue(key, out var value))
        {
            value = new Dictionary<string, string>(StringComparer.Ordinal);
            _data[key] = value;
        }

        return (Dictionary<string, string>)value;
    }
}
