using System.Globalization;

namespace ClusterSessions.WebNode.Sessions.Jwt;

/// <summary>Every response of the jwt pool says how many token bytes the client now carries (<c>X-Token-Bytes</c>).</summary>
internal sealed class TokenBytesHeaderStartupFilter : IStartupFilter
{
    public const string HeaderName = "X-Token-Bytes";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            context.Response.OnStarting(() =>
            {
                var bytes = PresentedToken.Read(context, JwtCookies.Token).CurrentBytes;
                context.Response.Headers[HeaderName] = bytes.ToString(CultureInfo.InvariantCulture);
                return Task.CompletedTask;
            });
            return nextMiddleware(context);
        });
        next(app);
    };
}
