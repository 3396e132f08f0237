using ClusterSessions.Hosting.Jwt;
using ClusterSessions.Hosting.Orchestration;
using ClusterSessions.Hosting.Redis;

var builder = ClusterApplication.CreateBuilder(args);

var redis = builder.NeedsRedis ? builder.AddRedis("redis") : null;

var pools = builder.Strategies.Select(strategy => strategy switch
{
    "redis" => builder.AddNodePool(strategy).WithReference(redis!).WaitFor(redis!)
        .WithEnvironment("Session__StoreDown", builder.Options.SessionStoreDown),
    "jwt" => builder.AddNodePool(strategy).WithJwtKeys().WithJwtRevocation(builder.Options.JwtRevocation, redis),
    _ => builder.AddNodePool(strategy),
}).ToList();

builder.AddGateway("gateway")
    .WithPools(pools);

await using var app = builder.Build();

return await app.RunAsync();
