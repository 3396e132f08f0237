using ClusterSessions.WebNode.Api;
using ClusterSessions.WebNode.Page;
using ClusterSessions.WebNode.Sessions.Jwt;
using Microsoft.AspNetCore.Session;

namespace ClusterSessions.WebNode;

internal static class WebNodePipeline
{
    public static WebApplication MapWebNode(this WebApplication app)
    {
        // The gateway forwards /{strategy}/... unchanged; the pool's path base also scopes cookies per pool.
        app.UseNodePathBase();
        app.UseServedByHeader();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        // The server-side strategies keep the cart and visits in ASP.NET Core session (the jwt pool has no session
        // store). Only the endpoints that use it load it: the session middleware refreshes the session in the store at
        // the end of every request it sees, which would cost /api/me and /health a Redis round trip for nothing.
        if (app.Services.GetService<ISessionStore>() is not null)
        {
            app.UseWhen(context => SessionPaths.Use(context.Request.Path), branch => branch.UseSession());
        }

        app.MapDefaultEndpoints();
        app.MapSessionApi();
        app.MapJwks();
        app.MapDemoPage();
        return app;
    }
}
