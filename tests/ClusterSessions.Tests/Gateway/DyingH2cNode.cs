using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace ClusterSessions.Tests.Gateway;

/// <summary>
/// An h2c node that dies with a request in flight: it completes the HTTP/2 handshake (its SETTINGS), reads until a
/// request's HEADERS frame arrives, then closes the connection with a reset, as the kernel does for a killed process.
/// Kestrel cannot stand in here: its <c>HttpContext.Abort()</c> resets one HTTP/2 stream and keeps the connection,
/// which is not what a killed node does to every request it shares the connection with.
/// </summary>
internal sealed class DyingH2cNode : IAsyncDisposable
{
    private const int PrefaceLength = 24; // "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"
    private const int FrameHeaderLength = 9;
    private const byte HeadersFrame = 0x1;
    private static readonly byte[] EmptySettingsFrame = [0, 0, 0, 0x4, 0, 0, 0, 0, 0];

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _accepting;
    private int _requests;

    public DyingH2cNode()
    {
        _listener.Start();
        _accepting = AcceptAsync(_stopping.Token);
    }

    public string Url => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/";

    /// <summary>Requests whose HEADERS frame reached this node before it died.</summary>
    public int Requests => Volatile.Read(ref _requests);

    private async Task AcceptAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                var socket = await _listener.AcceptSocketAsync(cancellationToken);
                _ = DieOnFirstRequestAsync(socket, cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task DieOnFirstRequestAsync(Socket socket, CancellationToken cancellationToken)
    {
        using (socket)
        {
            try
            {
                await socket.SendAsync(EmptySettingsFrame, cancellationToken);
                var received = new List<byte>();
                var buffer = new byte[4096];
                while (!HasHeadersFrame(received))
                {
                    var read = await socket.ReceiveAsync(buffer, cancellationToken);
                    if (read == 0)
                    {
                        return;
                    }

                    received.AddRange(buffer.AsSpan(0, read));
                }

                Interlocked.Increment(ref _requests);
                socket.LingerState = new LingerOption(true, 0);
            }
            catch (Exception exception) when (exception is SocketException or OperationCanceledException)
            {
            }
        }
    }

    private static bool HasHeadersFrame(List<byte> received)
    {
        var bytes = received.ToArray().AsSpan();
        for (var offset = PrefaceLength; offset + FrameHeaderLength <= bytes.Length;)
        {
            var length = (bytes[offset] << 16) | BinaryPrimitives.ReadUInt16BigEndian(bytes[(offset + 1)..]);
            if (bytes[offset + 3] == HeadersFrame)
            {
                return true;
            }

            offset += FrameHeaderLength + length;
        }

        return false;
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        await _accepting;
        _stopping.Dispose();
    }
}
