using ClusterSessions.Benchmarks.Redis;
using ClusterSessions.Benchmarks.Tokens;

return args.FirstOrDefault() switch
{
    "redis" => await RedisBenchmark.RunAsync(args[1..]),
    "tokens" => await TokenBenchmark.RunAsync(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: dotnet run -c Release --project benchmarks/ClusterSessions.Benchmarks -- <redis|tokens> [options]");
    return 2;
}
