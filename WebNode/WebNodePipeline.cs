using ClusterSessions.WebNode.Api;
using ClusterSessions.WebNode.Page;
using ClusterSessions.WebNode.Sessions.Jwt;

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

        app.MapDefaultEndpoints();
        app.MapSessionApi();
        app.MapJwks();
        app.MapDemoPage();
        return app;
    }
}
