using System.Globalization;
using System.Runtime.InteropServices;
using ClusterSessions.Tokens;

namespace ClusterSessions.Benchmarks.Tokens;

/// <summary>
/// Tokens issued and validated per second (ES256, HS256; one thread and all cores) and token sizes.
/// A printed measurement, not a timed test: <c>dotnet run -c Release --project benchmarks/ClusterSessions.Benchmarks -- tokens [--duration 2] [--warmup 0.5]</c>.
/// </summary>
internal static class TokenBenchmark
{
    private const int CartItems = 10;
    private const int CookieLimitBytes = 4096;
    private static readonly string[] Algorithms = [JwtAlgorithms.ES256, JwtAlgorithms.HS256];

    public static Task<int> RunAsync(string[] args)
    {
        if (!TryParse(args, "--duration", 2.0, out var duration) || !TryParse(args, "--warmup", 0.5, out var warmUp))
        {
            Console.Error.WriteLine("usage: tokens [--duration <seconds>] [--warmup <seconds>]");
            return Task.FromResult(2);
        }

        var cores = Environment.ProcessorCount;
        Console.WriteLine(Invariant($"Token benchmark: {RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSDescription}, {cores} cores"));
        Console.WriteLine(Invariant($"warm-up {warmUp:0.0} s, then {duration:0.0} s per row; cart of {CartItems} items; same token validated repeatedly"));
        Console.WriteLine();
        Console.WriteLine("| alg   | operation | threads |      ops/s | µs/op per thread |");
        Console.WriteLine("|-------|-----------|--------:|-----------:|-----------------:|");
        foreach (var algorithm in Algorithms)
        {
            using var setup = TokenBenchmarkSetup.Create(algorithm);
            var cart = TokenBenchmarkSetup.Cart(CartItems);
            var token = setup.Issue(CartItems).Token;
            if (!setup.Validator.Validate(token).Succeeded)
            {
                throw new InvalidOperationException($"{algorithm} token did not validate");
            }

            foreach (var threads in new[] { 1, cores }.Distinct())
            {
                var issued = Throughput.OperationsPerSecond(
                    () => setup.TokenIssuer.Issue(TokenBenchmarkSetup.Subject, TokenBenchmarkSetup.Name, cart),
                    threads, TimeSpan.FromSeconds(warmUp), TimeSpan.FromSeconds(duration));
                PrintRow(algorithm, "issue", threads, issued);
                var validated = Throughput.OperationsPerSecond(
                    () => setup.Validator.Validate(token),
                    threads, TimeSpan.FromSeconds(warmUp), TimeSpan.FromSeconds(duration));
                PrintRow(algorithm, "validate", threads, validated);
            }
        }

        PrintSizes();
        return Task.FromResult(0);
    }

    private static void PrintRow(string algorithm, string operation, int threads, double opsPerSecond) =>
        Console.WriteLine(Invariant($"| {algorithm,-5} | {operation,-9} | {threads,7} | {opsPerSecond,10:N0} | {threads * 1_000_000 / opsPerSecond,16:N1} |"));

    private static void PrintSizes()
    {
        var setups = Algorithms.Select(TokenBenchmarkSetup.Create).ToList();
        try
        {
            Console.WriteLine();
            Console.WriteLine(Invariant($"Token size in bytes (iss={TokenBenchmarkSetup.IssuerName}, aud={TokenBenchmarkSetup.AudienceName}, sub={TokenBenchmarkSetup.Subject}, name={TokenBenchmarkSetup.Name}, kid=k1, SKUs like sku-1001)"));
            Console.WriteLine();
            Console.WriteLine("| cart                          | ES256 | HS256 |");
            Console.WriteLine("|-------------------------------|------:|------:|");
            foreach (var items in new[] { 0, 1, CartItems })
            {
                var label = items == 0 ? "empty" : Invariant($"{items} item{(items == 1 ? "" : "s")}");
                Console.WriteLine(Invariant($"| {label,-29} | {setups[0].Issue(items).ByteCount,5} | {setups[1].Issue(items).ByteCount,5} |"));
            }

            var fit = Invariant($"items that fit in {CookieLimitBytes} bytes");
            Console.WriteLine(Invariant($"| {fit,-29} | {setups[0].MaxCartItems(CookieLimitBytes),5} | {setups[1].MaxCartItems(CookieLimitBytes),5} |"));
        }
        finally
        {
            setups.ForEach(s => s.Dispose());
        }
    }

    private static bool TryParse(string[] args, string name, double fallback, out double value)
    {
        value = fallback;
        var at = Array.IndexOf(args, name);
        return at < 0 || (at + 1 < args.Length
            && double.TryParse(args[at + 1], NumberStyles.Float, CultureInfo.InvariantCulture, out value) && value > 0);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
