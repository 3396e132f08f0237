using System.Diagnostics;
using System.Net.Sockets;
using System.Text;

namespace ClusterSessions.ClusterTests.Infrastructure;

/// <summary>
/// Requests written byte for byte on a TCP connection: malformed or ambiguous ones that HttpClient would refuse to
/// send or would tidy up first (dot segments, duplicate length headers, folded lines).
/// </summary>
internal static class RawHttp
{
    /// <summary>
    /// Sends <paramref name="request"/> (Latin-1, line endings as written) and reads until the server closes the
    /// connection, sends nothing for <paramref name="idle"/>, or (when given) has sent <paramref name="responses"/>
    /// complete responses. Without that count, a connection left open costs the whole idle wait: the price of seeing
    /// whether anything more comes.
    /// </summary>
    public static async Task<RawHttpExchange> SendAsync(Uri server, string request, TimeSpan? idle = null, int? responses = null)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(server.Host, server.Port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.Latin1.GetBytes(request));
        // Long enough for a node on a busy two-core machine to answer.
        return await ReadAsync(stream, idle ?? TimeSpan.FromSeconds(10), responses);
    }

    /// <summary>
    /// Reads until the server closes the connection (or resets it), sends nothing for <paramref name="idle"/>, or has
    /// sent <paramref name="responses"/> complete responses.
    /// </summary>
    public static async Task<RawHttpExchange> ReadAsync(NetworkStream stream, TimeSpan idle, int? responses = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var received = new MemoryStream();
        var buffer = new byte[64 * 1024];
        var closed = false;
        // A hard stop too: a server that trickles bytes forever must not hang the test.
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            using var quiet = new CancellationTokenSource(idle);
            try
            {
                var read = await stream.ReadAsync(buffer, quiet.Token);
                if (read == 0)
                {
                    closed = true;
                    break;
                }

                received.Write(buffer, 0, read);
                if (responses is { } count && RawHttpResponse.ParseAll(received.ToArray()).Count >= count)
                {
                    break;
                }
            }
            catch (OperationCanceledException)
            {
                break;
            }
            catch (IOException exception) when (exception.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionReset })
            {
                closed = true;
                break;
            }
        }

        var bytes = received.ToArray();
        return new RawHttpExchange(RawHttpResponse.ParseAll(bytes), closed, Encoding.Latin1.GetString(bytes));
    }
}
