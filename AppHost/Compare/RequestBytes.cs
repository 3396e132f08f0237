using System.Net;

namespace ClusterSessions.AppHost.Compare;

/// <summary>The size of a request as it goes on the wire, without the body: request line and headers, cookies included.</summary>
internal static class RequestBytes
{
    public static int Measure(HttpRequestMessage request, Uri baseAddress, CookieContainer cookies)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(cookies);
        var uri = request.RequestUri!.IsAbsoluteUri ? request.RequestUri : new Uri(baseAddress, request.RequestUri);
        var size = $"{request.Method} {uri.PathAndQuery} HTTP/1.1\r\n".Length + $"Host: {uri.Authority}\r\n".Length + 2;
        foreach (var header in request.Headers.Concat(request.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>()))
        {
            size += header.Key.Length + 4 + string.Join(", ", header.Value).Length;
        }

        var cookieHeader = cookies.GetCookieHeader(uri);
        return cookieHeader.Length == 0 ? size : size + "Cookie: \r\n".Length + cookieHeader.Length;
    }
}
