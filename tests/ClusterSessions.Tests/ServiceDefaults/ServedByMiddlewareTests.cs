using ClusterSessions.ServiceDefaults;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace ClusterSessions.Tests.ServiceDefaults;

public sealed class ServedByMiddlewareTests
{
    [Fact]
    public async Task InvokeAsync_ResponseStarts_AddsXServedByWithTheNodeId()
    {
        var (context, responseFeature) = CreateContext();
        var middleware = new ServedByMiddleware(_ => Task.CompletedTask, Options.Create(new NodeOptions { Id = "local-2" }));

        await middleware.InvokeAsync(context);
        Assert.False(context.Response.Headers.ContainsKey(ServedByHeader.Name));
        await responseFeature.StartAsync();

        Assert.Equal("local-2", context.Response.Headers[ServedByHeader.Name].ToString());
    }

    [Fact]
    public async Task InvokeAsync_HeaderAlreadySetDownstream_KeepsTheExistingValue()
    {
        var (context, responseFeature) = CreateContext();
        var middleware = new ServedByMiddleware(
            ctx =>
            {
                ctx.Response.Headers[ServedByHeader.Name] = "sticky-3";
                return Task.CompletedTask;
            },
            Options.Create(new NodeOptions { Id = "gateway" }));

        await middleware.InvokeAsync(context);
        await responseFeature.StartAsync();

        Assert.Equal("sticky-3", context.Response.Headers[ServedByHeader.Name].ToString());
    }

    private static (DefaultHttpContext Context, StartableResponseFeature Feature) CreateContext()
    {
        var feature = new StartableResponseFeature();
        var features = new FeatureCollection();
        features.Set<IHttpRequestFeature>(new HttpRequestFeature());
        features.Set<IHttpResponseFeature>(feature);
        features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(Stream.Null));
        return (new DefaultHttpContext(features), feature);
    }
}
