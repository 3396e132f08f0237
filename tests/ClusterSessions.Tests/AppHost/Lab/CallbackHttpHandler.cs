namespace ClusterSessions.Tests.AppHost.Lab;

/// <summary>An HTTP "server" in a delegate: no socket is opened.</summary>
internal sealed class CallbackHttpHandler(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> respond) : HttpMessageHandler
{
    public CallbackHttpHandler(Func<HttpRequestMessage, HttpResponseMessage> respond)
        : this((request, cancellationToken) =>
        {
            cancellationToken.ThrowIfCancellationRequested();
            return Task.FromResult(respond(request));
        })
    {
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        respond(request, cancellationToken);
}
