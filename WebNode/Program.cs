using ClusterSessions.WebNode;
using ClusterSessions.WebNode.Sessions;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    ContentRootPath = AppContext.BaseDirectory,
});

builder.AddServiceDefaults();
builder.AddSessionStrategy();

var app = builder.Build();

return await app.RunClusterServiceAsync(static app => app.MapWebNode());
