using ClusterSessions.Hosting.Orchestration;

var builder = ClusterApplication.CreateBuilder(args);

var pools = builder.Strategies.Select(strategy => builder.AddNodePool(strategy)).ToList();

builder.AddGateway("gateway")
    .WithPools(pools);

await using var app = builder.Build();

return await app.RunAsync();
