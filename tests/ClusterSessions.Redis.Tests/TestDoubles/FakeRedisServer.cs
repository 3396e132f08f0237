using System.Buffers;
using System.Collections.Concurrent;
using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using System.Text;
using ClusterSessions.Redis.Protocol;

namespace ClusterSessions.Redis.Tests.TestDoubles;

/// <summary>
/// A loopback TCP server that speaks just enough RESP for socket-level tests: PING, ECHO, GET/SET, AUTH, SELECT,
/// MULTI/EXEC. <see cref="Intercept"/> lets a test answer (or not answer, or answer garbage) any command itself.
/// </summary>
internal sealed class FakeRedisServer : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentBag<FakeRedisSession> _sessions = [];
    private readonly ConcurrentDictionary<string, string> _strings = new();
    private readonly Task _acceptLoop;
    private int _connectionCount;

    private FakeRedisServer(TcpListener listener)
    {
        _listener = listener;
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        _acceptLoop = AcceptLoopAsync();
    }

    /// <summary>Return true when the test handled the command itself.</summary>
    public Func<FakeRedisSession, string[], ValueTask<bool>>? Intercept { get; set; }

    public string? RequiredPassword { get; set; }

    public int Port { get; }

    /// <summary>
    /// With 10 s timeouts: this server runs inside the test host, whose thread pool can lag a second or more while
    /// other assemblies build and run beside it. Tests of the timeouts themselves set their own.
    /// </summary>
    public string ConnectionString => $"127.0.0.1:{Port},connectTimeout=10000,commandTimeout=10000";

    public ConcurrentQueue<string[]> Commands { get; } = new();

    public int ConnectionCount => Volatile.Read(ref _connectionCount);

    public static FakeRedisServer Start(int port = 0)
    {
        var listener = new TcpListener(IPAddress.Loopback, port);
        listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Start();
        return new FakeRedisServer(listener);
    }

    public string[][] CommandsNamed(string name) =>
        [.. Commands.Where(c => string.Equals(c[0], name, StringComparison.OrdinalIgnoreCase))];

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        foreach (var session in _sessions)
        {
            session.Close();
        }

        try
        {
            await _acceptLoop;
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // Stopping the listener ends the accept loop this way.
        }

        _stop.Dispose();
    }

    internal string StandardReply(FakeRedisSession session, string[] command) => command[0].ToUpperInvariant() switch
    {
        "PING" => "+PONG\r\n",
        "ECHO" => Bulk(command[1]),
        "AUTH" when RequiredPassword is null => "-ERR AUTH <password> called without any password configured for the default user.\r\n",
        "AUTH" when command[^1] == RequiredPassword => Authenticated(session),
        "AUTH" => "-WRONGPASS invalid username-password pair or user is disabled.\r\n",
        _ when RequiredPassword is not null && !session.IsAuthenticated => "-NOAUTH Authentication required.\r\n",
        "SELECT" => "+OK\r\n",
        "GET" => _strings.TryGetValue(command[1], out var value) ? Bulk(value) : "$-1\r\n",
        "SET" => Set(command),
        "DEL" => $":{command.Skip(1).Count(k => _strings.TryRemove(k, out _))}\r\n",
        _ => $"-ERR unknown command '{command[0]}'\r\n",
    };

    private static string Bulk(string value) => $"${Encoding.UTF8.GetByteCount(value)}\r\n{value}\r\n";

    private static string Authenticated(FakeRedisSession session)
    {
        session.IsAuthenticated = true;
        return "+OK\r\n";
    }

    private string Set(string[] command)
    {
        _strings[command[1]] = command[2];
        return "+OK\r\n";
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var socket = await _listener.AcceptSocketAsync(_stop.Token);
            Interlocked.Increment(ref _connectionCount);
            var session = new FakeRedisSession(socket);
            _sessions.Add(session);
            _ = Task.Run(() => ServeAsync(session));
        }
    }

    private async Task ServeAsync(FakeRedisSession session)
    {
        var input = PipeReader.Create(new NetworkStream(session.Socket, ownsSocket: false));
        try
        {
            while (true)
            {
                var result = await input.ReadAsync(_stop.Token);
                var buffer = result.Buffer;
                while (RespReader.TryRead(ref buffer, RespLimits.Default, out var request))
                {
                    var command = request.Elements.Select(e => e.AsString()!).ToArray();
                    Commands.Enqueue(command);
                    if (session.IsStalled)
                    {
                        continue;
                    }

                    if (Intercept is { } intercept && await intercept(session, command))
                    {
                        continue;
                    }

                    await session.HandleStandardAsync(this, command);
                }

                input.AdvanceTo(buffer.Start, buffer.End);
                if (result.IsCompleted)
                {
                    break;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException or OperationCanceledException or RedisProtocolException)
        {
            // The client or the test closed the connection.
        }
        finally
        {
            await input.CompleteAsync();
            session.Close();
        }
    }
}
