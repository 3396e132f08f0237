using Yarp.ReverseProxy.Configuration;

// Plain YARP for the proxy bake-off: /{pool}/** round-robin to the nodes given as Destinations__<id>=<url>, path unchanged.
var builder = WebApplication.CreateSlimBuilder(args);

var pool = builder.Configuration["Pool"] ?? "local";
var destinations = builder.Configuration.GetSection("Destinations").GetChildren()
    .ToDictionary(d => d.Key, d => new DestinationConfig { Address = d.Value! });

builder.Services.AddReverseProxy().LoadFromMemory(
    [new RouteConfig { RouteId = pool, ClusterId = pool, Match = new RouteMatch { Path = $"/{pool}/{{**rest}}" } }],
    [new ClusterConfig { ClusterId = pool, LoadBalancingPolicy = "RoundRobin", Destinations = destinations }]);

var app = builder.Build();
app.MapReverseProxy();
app.Run();
