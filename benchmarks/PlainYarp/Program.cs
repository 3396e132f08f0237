using System.Net;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Forwarder;

// Plain YARP for the proxy bake-off: /{pool}/** round-robin to the nodes given as Destinations__<id>=<url>, path unchanged.
// NodeProtocol=Http2 speaks h2c to them, as the gateway does under the AppHost (the destinations must be h2c endpoints).
var builder = WebApplication.CreateSlimBuilder(args);

var pool = builder.Configuration["Pool"] ?? "local";
var destinations = builder.Configuration.GetSection("Destinations").GetChildren()
    .ToDictionary(d => d.Key, d => new DestinationConfig { Address = d.Value! });
var h2c = builder.Configuration["NodeProtocol"] == "Http2"
    ? new ForwarderRequestConfig { Version = HttpVersion.Version20, VersionPolicy = HttpVersionPolicy.RequestVersionExact }
    : null;

builder.Services.AddReverseProxy().LoadFromMemory(
    [new RouteConfig { RouteId = pool, ClusterId = pool, Match = new RouteMatch { Path = $"/{pool}/{{**rest}}" } }],
    [new ClusterConfig { ClusterId = pool, LoadBalancingPolicy = "RoundRobin", Destinations = destinations, HttpRequest = h2c }]);

var app = builder.Build();
app.MapReverseProxy();
app.Run();
