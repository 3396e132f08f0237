using System.Globalization;
using System.Text;

namespace ClusterSessions.ClusterTests.Infrastructure;

/// <summary>One HTTP/1.1 response as it came off the wire, parsed by hand: no client library normalised it.</summary>
internal sealed record RawHttpResponse(int Status, IReadOnlyList<KeyValuePair<string, string>> Headers, string Body)
{
    /// <summary>Every value of <paramref name="name"/> (case-insensitive), in the order sent.</summary>
    public IReadOnlyList<string> Values(string name) =>
        [.. Headers.Where(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value)];

    /// <summary>The responses in <paramref name="bytes"/>, one after another; a response cut short ends the list.</summary>
    public static IReadOnlyList<RawHttpResponse> ParseAll(byte[] bytes)
    {
        var responses = new List<RawHttpResponse>();
        var position = 0;
        while (position < bytes.Length)
        {
            var end = IndexOf(bytes, "\r\n\r\n"u8, position);
            if (end < 0)
            {
                break;
            }

            var lines = Encoding.Latin1.GetString(bytes, position, end - position).Split("\r\n");
            var status = int.Parse(lines[0].Split(' ')[1], CultureInfo.InvariantCulture);
            var headers = lines.Skip(1)
                .Select(l => l.Split(':', 2))
                .Select(p => new KeyValuePair<string, string>(p[0], p.Length > 1 ? p[1].Trim() : ""))
                .ToList();
            position = end + 4;
            string body;
            if (status is (>= 100 and < 200) or 204 or 304)
            {
                body = "";
            }
            else if (headers.Any(h => h.Key.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase) && h.Value.Contains("chunked", StringComparison.OrdinalIgnoreCase)))
            {
                if (ReadChunked(bytes, ref position) is not { } chunked)
                {
                    break;
                }

                body = chunked;
            }
            else if (headers.FirstOrDefault(h => h.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)).Value is { } length)
            {
                var count = int.Parse(length, CultureInfo.InvariantCulture);
                if (position + count > bytes.Length)
                {
                    break;
                }

                body = Encoding.UTF8.GetString(bytes, position, count);
                position += count;
            }
            else
            {
                // Neither: the body runs to the end of the connection.
                body = Encoding.UTF8.GetString(bytes, position, bytes.Length - position);
                position = bytes.Length;
            }

            responses.Add(new RawHttpResponse(status, headers, body));
        }

        return responses;
    }

    private static string? ReadChunked(byte[] bytes, ref int position)
    {
        var body = new StringBuilder();
        while (true)
        {
            var lineEnd = IndexOf(bytes, "\r\n"u8, position);
            if (lineEnd < 0)
            {
                return null;
            }

            var size = int.Parse(Encoding.Latin1.GetString(bytes, position, lineEnd - position).Split(';')[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            position = lineEnd + 2;
            if (size == 0)
            {
                // No trailers here: the empty line that ends the message.
                position += 2;
                return body.ToString();
            }

            if (position + size + 2 > bytes.Length)
            {
                return null;
            }

            body.Append(Encoding.UTF8.GetString(bytes, position, size));
            position += size + 2;
        }
    }

    private static int IndexOf(byte[] bytes, ReadOnlySpan<byte> value, int start)
    {
        var index = bytes.AsSpan(start).IndexOf(value);
        return index < 0 ? -1 : start + index;
    }
}
