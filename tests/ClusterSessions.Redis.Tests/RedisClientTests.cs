using System.Net;
using System.Net.Sockets;
using ClusterSessions.Redis.Commands;
using ClusterSessions.Redis.Tests.TestDoubles;

namespace ClusterSessions.Redis.Tests;

/// <summary>Socket-level behaviour of the client against an in-process fake server.</summary>
public sealed class RedisClientTests
{
    private static readonly TimeSpan TestTimeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task ExecuteAsync_FirstUse_AuthenticatesSelectsAndPingsBeforeTheCommand()
    {
        await using var server = FakeRedisServer.Start();
        server.RequiredPassword = "s3cret";
        await using var client = new RedisClient($"{server.ConnectionString},user=alice,password=s3cret,database=3");

        Assert.Null(await client.GetStringAsync("missing").WaitAsync(TestTimeout));

        Assert.Equal(
            ["AUTH alice s3cret", "SELECT 3", "PING", "GET missing"],
            server.Commands.Select(c => string.Join(' ', c)));
        Assert.True(client.IsConnected);
        Assert.Equal(RedisConnectionState.Connected, client.State);
    }

    [Fact]
    public async Task ConnectAsync_WrongPassword_ThrowsConnectionExceptionWithServerReason()
    {
        await using var server = FakeRedisServer.Start();
        server.RequiredPassword = "right";
        await using var client = new RedisClient($"{server.ConnectionString},password=wrong");

        var error = await Assert.ThrowsAsync<RedisConnectionException>(() => client.ConnectAsync().WaitAsync(TestTimeout));

        Assert.Contains("WRONGPASS", error.Message, StringComparison.Ordinal);
        Assert.IsType<RedisServerException>(error.InnerException);
    }

    [Fact]
    public async Task ExecuteAsync_ManyConcurrentCallers_EachGetsItsOwnReplyOverOneConnection()
    {
        await using var server = FakeRedisServer.Start();
        await using var client = new RedisClient(server.ConnectionString);

        var calls = Enumerable.Range(0, 500).Select(async i =>
        {
            var reply = await client.ExecuteAsync("ECHO", $"value-{i}");
            return (Expected: $"value-{i}", Actual: reply.AsString());
        });
        var results = await Task.WhenAll(calls).WaitAsync(TestTimeout);

        Assert.All(results, r => Assert.Equal(r.Expected, r.Actual));
        Assert.Equal(1, server.ConnectionCount);
    }

    [Fact]
    public async Task ExecuteAsync_ServerErrorReply_ThrowsServerExceptionAndKeepsTheConnection()
    {
        await using var server = FakeRedisServer.Start();
        await using var client = new RedisClient(server.ConnectionString);

        var error = await Assert.ThrowsAsync<RedisServerException>(() => client.ExecuteAsync("NOSUCHCOMMAND").WaitAsync(TestTimeout));

        Assert.Equal("ERR", error.ErrorCode);
        Assert.Equal("NOSUCHCOMMAND", error.CommandName);
        Assert.Equal("PONG", await client.PingAsync().WaitAsync(TestTimeout));
        Assert.Equal(1, server.ConnectionCount);
    }

    [Fact]
    public async Task ExecuteAsync_MalformedReply_ThrowsProtocolExceptionAndReconnects()
    {
        await using var server = FakeRedisServer.Start();
        server.Intercept = async (session, command) =>
        {
            if (command[0] != "GARBAGE")
            {
                return false;
            }

            await session.SendAsync("?what\r\n");
            return true;
        };
        await using var client = new RedisClient(server.ConnectionString);
        await client.ConnectAsync().WaitAsync(TestTimeout);

        var error = await Assert.ThrowsAsync<RedisProtocolException>(() => client.ExecuteAsync("GARBAGE").WaitAsync(TestTimeout));
        Assert.Contains("unexpected type byte 0x3F", error.Message, StringComparison.Ordinal);

        await client.ConnectAsync().WaitAsync(TestTimeout);
        Assert.Equal("PONG", await client.PingAsync().WaitAsync(TestTimeout));
        Assert.Equal(2, server.ConnectionCount);
    }

    [Fact]
    public async Task ExecuteAsync_ReplyCutOffByServerClose_ThrowsProtocolException()
    {
        await using var server = FakeRedisServer.Start();
        server.Intercept = async (session, command) =>
        {
            if (command[0] != "HALF")
            {
                return false;
            }

            await session.SendAsync("$10\r\nabc");
            session.Close();
            return true;
        };
        await using var client = new RedisClient(server.ConnectionString);
        await client.ConnectAsync().WaitAsync(TestTimeout);

        var error = await Assert.ThrowsAsync<RedisProtocolException>(() => client.ExecuteAsync("HALF").WaitAsync(TestTimeout));

        Assert.Contains("Truncated", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExecuteAsync_BulkReplyOverConfiguredCap_FailsOnTheHeaderWithoutWaitingForTheBody()
    {
        await using var server = FakeRedisServer.Start();
        server.Intercept = async (session, command) =>
        {
            if (command[0] != "BIG")
            {
                return false;
            }

            await session.SendAsync("$2048\r\n");
            return true;
        };
        await using var client = new RedisClient(new RedisConnectionOptions { Host = "127.0.0.1", Port = server.Port, MaxBulkLength = 1024 });

        var error = await Assert.ThrowsAsync<RedisProtocolException>(() => client.ExecuteAsync("BIG").WaitAsync(TestTimeout));

        Assert.Contains("2048 bytes exceeds the configured maximum of 1024", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExecuteAsync_ConnectionDropsWithCommandsInFlight_FailsThemWithConnectionException()
    {
        await using var server = FakeRedisServer.Start();
        server.Intercept = (session, command) =>
        {
            switch (command[0])
            {
                case "HANG":
                    return ValueTask.FromResult(true);
                case "DROP":
                    session.Close();
                    return ValueTask.FromResult(true);
                default:
                    return ValueTask.FromResult(false);
            }
        };
        await using var client = new RedisClient(server.ConnectionString);
        await client.ConnectAsync().WaitAsync(TestTimeout);

        var hanging = client.ExecuteAsync("HANG");
        var dropping = client.ExecuteAsync("DROP");

        await Assert.ThrowsAsync<RedisConnectionException>(() => hanging.WaitAsync(TestTimeout));
        await Assert.ThrowsAsync<RedisConnectionException>(() => dropping.WaitAsync(TestTimeout));
    }

    [Fact]
    public async Task ExecuteAsync_NoReplyWithinCommandTimeout_ThrowsTimeoutAndResetsTheConnection()
    {
        var time = new ManualTimeProvider();
        await using var server = FakeRedisServer.Start();
        server.Intercept = (session, command) =>
        {
            session.IsStalled = command[0] == "HANG";
            return ValueTask.FromResult(session.IsStalled);
        };
        await using var client = new RedisClient(
            new RedisConnectionOptions { Host = "127.0.0.1", Port = server.Port, CommandTimeout = TimeSpan.FromSeconds(1) },
            timeProvider: time);
        await client.ConnectAsync().WaitAsync(TestTimeout);

        var first = client.ExecuteAsync("HANG");
        var second = client.ExecuteAsync("ECHO", "behind the hung command");
        time.Advance(TimeSpan.FromMilliseconds(900));
        Assert.False(first.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(200));

        var timeout = await Assert.ThrowsAsync<RedisTimeoutException>(() => first.WaitAsync(TestTimeout));
        Assert.Contains("did not answer HANG within 1000 ms", timeout.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<RedisConnectionException>(() => second.WaitAsync(TestTimeout));

        // The reset connection is replaced at once; the fresh one answers.
        await client.ConnectAsync().WaitAsync(TestTimeout);
        Assert.Equal("ok", (await client.ExecuteAsync("ECHO", "ok").WaitAsync(TestTimeout)).AsString());
        Assert.Equal(2, server.ConnectionCount);
    }

    [Fact]
    public async Task ExecuteAsync_CancelledWhileWaiting_LaterCommandsStillGetTheirOwnReplies()
    {
        await using var server = FakeRedisServer.Start();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        server.Intercept = async (session, command) =>
        {
            if (command[0] != "SLOW")
            {
                return false;
            }

            await release.Task;
            await session.SendAsync("$4\r\nslow\r\n");
            return true;
        };
        await using var client = new RedisClient(server.ConnectionString);
        await client.ConnectAsync().WaitAsync(TestTimeout);
        using var cancel = new CancellationTokenSource();

        var slow = client.ExecuteAsync(new RedisCommand("SLOW"), cancel.Token);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => slow);
        var next = client.ExecuteAsync("ECHO", "mine");
        release.SetResult();

        Assert.Equal("mine", (await next.WaitAsync(TestTimeout)).AsString());
        Assert.Equal(1, server.ConnectionCount);
    }

    [Fact]
    public async Task ExecuteAsync_NothingListening_FirstCallWaitsForTheAttemptThenCallsFailFast()
    {
        var port = GetUnusedPort();
        await using var client = new RedisClient($"127.0.0.1:{port}");

        var first = await Assert.ThrowsAsync<RedisConnectionException>(() => client.PingAsync().WaitAsync(TestTimeout));
        Assert.Contains($"127.0.0.1:{port}", first.Message, StringComparison.Ordinal);

        var started = TimeProvider.System.GetTimestamp();
        var second = await Assert.ThrowsAsync<RedisConnectionException>(() => client.PingAsync().WaitAsync(TestTimeout));
        Assert.Contains("is unavailable", second.Message, StringComparison.Ordinal);
        Assert.True(TimeProvider.System.GetElapsedTime(started) < TimeSpan.FromMilliseconds(500), "a call while disconnected must not wait");
        Assert.False(client.IsConnected);
    }

    [Fact]
    public async Task ConnectAsync_ServerStartsLater_Recovers()
    {
        var port = GetUnusedPort();
        await using var client = new RedisClient($"127.0.0.1:{port}");
        await Assert.ThrowsAsync<RedisConnectionException>(() => client.PingAsync().WaitAsync(TestTimeout));

        await using var server = FakeRedisServer.Start(port);
        var recovered = false;
        for (var attempt = 0; attempt < 20 && !recovered; attempt++)
        {
            try
            {
                await client.ConnectAsync().WaitAsync(TestTimeout);
                recovered = true;
            }
            catch (RedisConnectionException)
            {
                // An attempt that raced the listener start; the next one sees it.
            }
        }

        Assert.True(recovered);
        Assert.Equal("PONG", await client.PingAsync().WaitAsync(TestTimeout));
    }

    [Fact]
    public async Task ExecuteTransactionAsync_Commands_RunInsideMultiExecAndReturnEachReply()
    {
        await using var server = FakeRedisServer.Start();
        await using var client = new RedisClient(server.ConnectionString);

        var replies = await client.ExecuteTransactionAsync(
            [RedisCommands.Set("k", "v"), RedisCommands.Get("k"), new RedisCommand("NOSUCH")]).WaitAsync(TestTimeout);

        Assert.Equal(["OK", "v", "(error) ERR unknown command 'NOSUCH'"], replies.Select(r => r.ToString()));
        Assert.Equal(["MULTI", "SET", "GET", "NOSUCH", "EXEC"], server.Commands.Skip(1).Select(c => c[0]));
    }

    [Fact]
    public async Task ExecuteTransactionAsync_CommandRejectedWhileQueuing_ThrowsExecAbort()
    {
        await using var server = FakeRedisServer.Start();
        await using var client = new RedisClient(server.ConnectionString);

        var error = await Assert.ThrowsAsync<RedisServerException>(
            () => client.ExecuteTransactionAsync([RedisCommands.Set("k", "v"), new RedisCommand("REJECTME")]).WaitAsync(TestTimeout));

        Assert.Equal("EXECABORT", error.ErrorCode);
        Assert.Contains("first rejected command: ERR unknown command 'REJECTME'", error.Message, StringComparison.Ordinal);
        Assert.Equal("PONG", await client.PingAsync().WaitAsync(TestTimeout));
    }

    [Fact]
    public async Task DisposeAsync_CommandInFlight_FailsItAndLaterCallsThrowObjectDisposed()
    {
        await using var server = FakeRedisServer.Start();
        server.Intercept = (_, command) => ValueTask.FromResult(command[0] == "HANG");
        var client = new RedisClient(server.ConnectionString);
        await client.ConnectAsync().WaitAsync(TestTimeout);
        var hanging = client.ExecuteAsync("HANG");

        await client.DisposeAsync();

        var error = await Assert.ThrowsAsync<RedisConnectionException>(() => hanging.WaitAsync(TestTimeout));
        Assert.Contains("disposed", error.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => client.PingAsync());
        Assert.Equal(RedisConnectionState.Disposed, client.State);
    }

    [Fact]
    public async Task StateChanged_ConnectionLost_ReportsDisconnectedWithReason()
    {
        await using var server = FakeRedisServer.Start();
        server.Intercept = (session, command) =>
        {
            if (command[0] != "DROP")
            {
                return ValueTask.FromResult(false);
            }

            session.Close();
            return ValueTask.FromResult(true);
        };
        await using var client = new RedisClient(server.ConnectionString);
        var disconnected = new TaskCompletionSource<RedisConnectionStateChangedEventArgs>(TaskCreationOptions.RunContinuationsAsynchronously);
        client.StateChanged += (_, e) =>
        {
            if (e.State == RedisConnectionState.Disconnected)
            {
                disconnected.TrySetResult(e);
            }
        };
        await client.ConnectAsync().WaitAsync(TestTimeout);

        await Assert.ThrowsAsync<RedisConnectionException>(() => client.ExecuteAsync("DROP").WaitAsync(TestTimeout));

        var change = await disconnected.Task.WaitAsync(TestTimeout);
        Assert.Equal(RedisConnectionState.Connected, change.PreviousState);
        Assert.IsType<RedisConnectionException>(change.Failure);
    }

    private static int GetUnusedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
