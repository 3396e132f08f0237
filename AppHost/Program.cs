using ClusterSessions.Hosting.Orchestration;
using ClusterSessions.Hosting.Redis;

var builder = ClusterApplication.CreateBuilder(args);

var redis = builder.NeedsRedis ? builder.AddRedis("redis") : null;

var pools = builder.Strategies.Select(strategy =>
{
    var pool = builder.AddNodePool(strategy);
    return strategy == "redis" ? pool.WithReference(redis!).WaitFor(redis!) : pool;
}).ToList();

builder.AddGateway("gateway")
    .WithPools(pools);

await using var app = builder.Build();

return await app.RunAsync();
