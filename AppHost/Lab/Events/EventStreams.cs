using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ClusterSessions.AppHost.Lab.Events;

/// <summary>Helpers for the lab's never-ending event streams.</summary>
internal static class EventStreams
{
    /// <summary>
    /// Runs <paramref name="source"/> until the browser goes away or the lab stops. Without the second, a
    /// stopping lab would wait for every open page's stream until its shutdown timeout.
    /// </summary>
    public static async IAsyncEnumerable<T> UntilClosed<T>(HttpContext context, Func<CancellationToken, IAsyncEnumerable<T>> source)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(source);
        var stopping = context.RequestServices.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        using var closed = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        await foreach (var item in source(closed.Token).ConfigureAwait(false))
        {
            yield return item;
        }
    }

    /// <summary>
    /// Where a reconnecting EventSource left off: its <c>Last-Event-ID</c> header, else the <paramref name="query"/>
    /// value; null when neither is a number.
    /// </summary>
    public static long? ResumeAfter(HttpRequest request, long? query)
    {
        ArgumentNullException.ThrowIfNull(request);
        return long.TryParse(request.Headers["Last-Event-ID"].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var last)
            ? last
            : query;
    }
}
