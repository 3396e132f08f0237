using ClusterSessions.AppHost.Cluster;
using ClusterSessions.AppHost.Compare;
using ClusterSessions.AppHost.Gateway;
using ClusterSessions.AppHost.Jwt;
using ClusterSessions.AppHost.Lab;
using ClusterSessions.AppHost.Nodes;
using ClusterSessions.AppHost.Redis;

Umask.RestrictToOwner();
var compare = CompareCommand.Parse(args);
var builder = DistributedApplication.CreateBuilder(compare.ApplicationOptions);
var cluster = builder.AddCluster();

var redis = cluster.Options.NeedsRedis ? builder.AddSessionStore("redis") : null;

var pools = cluster.Options.StrategyList.Select(strategy => strategy switch
{
    "redis" => builder.AddNodePool(strategy).WithReference(redis!).WaitFor(redis!).WithStoreDown(cluster.Options.SessionStoreDown),
    "jwt" => builder.AddNodePool(strategy).WithJwtKeys().WithJwtRevocation(cluster.Options.JwtRevocation, redis).WithJwtTokenCache(cluster.Options.JwtTokenCache),
    _ => builder.AddNodePool(strategy),
}).ToList();

builder.AddGateway("gateway").WithPools(pools);

if (compare.Options is { } run)
{
    builder.AddCompareRun(run);
}
else
{
    builder.AddLab();
}

builder.Build().Run();
