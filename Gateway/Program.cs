using ClusterSessions.Gateway;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    ContentRootPath = AppContext.BaseDirectory,
});

builder.AddServiceDefaults();
builder.AddGateway();

var app = builder.Build();

return await app.RunClusterServiceAsync(static app => app.MapGateway());
