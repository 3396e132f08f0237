using ClusterSessions.WebNode.Api;
using ClusterSessions.WebNode.Page;

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
        app.MapDemoPage();
        return app;
    }
}
