using System.Net.Sockets;
using System.Text;

namespace ClusterSessions.Redis.Tests.TestDoubles;

/// <summary>One client connection of <see cref="FakeRedisServer"/>, with MULTI/EXEC queuing.</summary>
internal sealed class FakeRedisSession(Socket socket)
{
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private List<string[]>? _queued;
    private bool _transactionFailed;

    public Socket Socket { get; } = socket;

    public bool IsAuthenticated { get; set; }

    /// <summary>A stalled session reads but never answers again, like a paused or hung server.</summary>
    public bool IsStalled { get; set; }

    public Task SendAsync(string raw) => SendAsync(Encoding.UTF8.GetBytes(raw));

    public async Task SendAsync(byte[] raw)
    {
        await _writeLock.WaitAsync();
        try
        {
            await Socket.SendAsync(raw, SocketFlags.None);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public void Close()
    {
        try
        {
            Socket.Shutdown(SocketShutdown.Both);
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // Already closed.
        }

        Socket.Dispose();
    }

    internal Task HandleStandardAsync(FakeRedisServer server, string[] command)
    {
        var name = command[0].ToUpperInvariant();
        if (_queued is null)
        {
            if (name != "MULTI")
            {
                return SendAsync(server.StandardReply(this, command));
            }

            _queued = [];
            _transactionFailed = false;
            return SendAsync("+OK\r\n");
        }

        if (name == "EXEC")
        {
            var queued = _queued;
            _queued = null;
            if (_transactionFailed)
            {
                return SendAsync("-EXECABORT Transaction discarded because of previous errors.\r\n");
            }

            var replies = queued.Select(c => server.StandardReply(this, c));
            return SendAsync($"*{queued.Count}\r\n{string.Concat(replies)}");
        }

        if (name == "REJECTME")
        {
            _transactionFailed = true;
            return SendAsync("-ERR unknown command 'REJECTME'\r\n");
        }

        _queued.Add(command);
        return SendAsync("+QUEUED\r\n");
    }
}
