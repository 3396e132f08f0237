using System.Net;
using ClusterSessions.AppHost.Gateway;

namespace ClusterSessions.Tests.AppHost.Lab;

/// <summary>
/// The gateway's admin API as a delegate: records every request <see cref="GatewayAdminClient"/> sends, accepts pool
/// updates, and refuses the traffic feed the way a gateway that is not listening would.
/// </summary>
internal sealed class FakeGatewayAdmin : IDisposable
{
    public const int AdminPort = 9;

    private readonly Lock _lock = new();
    private readonly List<(HttpMethod Method, string Path, string Body)> _requests = [];
    private readonly HttpClient _http;

    public FakeGatewayAdmin()
    {
        _http = new HttpClient(new CallbackHttpHandler(RespondAsync));
        Client = new GatewayAdminClient(_http, AdminPort);
    }

    public GatewayAdminClient Client { get; }

    public IReadOnlyList<(HttpMethod Method, string Path, string Body)> Requests
    {
        get
        {
            lock (_lock)
            {
                return [.. _requests];
            }
        }
    }

    public void Dispose() => _http.Dispose();

    private async Task<HttpResponseMessage> RespondAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        lock (_lock)
        {
            _requests.Add((request.Method, request.RequestUri!.AbsolutePath, body));
        }

        return request.Method == HttpMethod.Put
            ? new HttpResponseMessage(HttpStatusCode.NoContent)
            : throw new HttpRequestException($"Connection refused ({request.RequestUri!.Authority})");
    }
}
