using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using ClusterSessions.Gateway.Pools;
using ClusterSessions.Gateway.Traffic;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Yarp.ReverseProxy.Model;

namespace ClusterSessions.Gateway.LoginThrottling;

/// <summary>
/// The rate limiter policy of every pool's login route (<see cref="Name"/>, set on the YARP route), partitioned by
/// client address. It has to be the gateway's: the nodes see only the gateway's address. Each address gets a
/// <see cref="ConcurrencyLimiter"/> (logins under way, and a queue) chained to a <see cref="LoginGate"/> (failed logins
/// left), so a login that waited is checked when its turn comes. A refused login is a 429 with <c>Retry-After</c>
/// and a problem body, and never reaches a node.
/// </summary>
internal sealed partial class LoginRateLimiterPolicy(
    IOptions<GatewayOptions> options,
    LoginFailures failures,
    TrafficLog traffic,
    TimeProvider timeProvider,
    ILogger<LoginRateLimiterPolicy> logger) : IRateLimiterPolicy<IPAddress>
{
    public const string Name = "login";

    private readonly ConcurrencyLimiterOptions _concurrency = new()
    {
        PermitLimit = options.Value.LoginRateLimit.PermitLimit,
        QueueLimit = options.Value.LoginRateLimit.QueueLimit,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
    };

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => RejectAsync;

    public RateLimitPartition<IPAddress> GetPartition(HttpContext httpContext) =>
        RateLimitPartition.Get(ClientOf(httpContext), client => RateLimiter.CreateChained(
            new ConcurrencyLimiter(_concurrency),
            new LoginGate(failures, client)));

    /// <summary>
    /// The address a client's logins are counted under. An IPv6 client is counted by its /64, the block one host is
    /// usually given, so it cannot start afresh by moving to the next address of its own block.
    /// </summary>
    public static IPAddress ClientOf(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress;
        if (address is null)
        {
            return IPAddress.None;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6 || IPAddress.IsLoopback(address))
        {
            return address;
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes);
    }

    private async ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        // The gate says when a failure comes back; a full queue says nothing, and a second is a fair guess.
        var failuresSpent = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter);
        // Whole seconds, rounded up: a client that waits as long as told finds a failure given back.
        var seconds = failuresSpent ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)) : 1;
        var reason = failuresSpent ? "too many failed logins" : "too many logins under way";
        var pool = http.GetEndpoint()?.Metadata.GetMetadata<RouteModel>()?.Config.ClusterId ?? "";
        TooManyLogins(logger, ClientOf(http), pool, reason, seconds);
        // In the lab's Traffic view with the requests that were forwarded: a storm shows as its 429s.
        traffic.Add(timeProvider.GetUtcNow(), pool, http.Request.Method, http.Request.Path.Value ?? "/", null, StatusCodes.Status429TooManyRequests, 0);

        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await TypedResults.Problem(
            statusCode: StatusCodes.Status429TooManyRequests,
            title: "too many login attempts",
            detail: $"{reason} from this address: try again in {seconds.ToString(CultureInfo.InvariantCulture)} s",
            extensions: new Dictionary<string, object?> { ["error"] = "too many login attempts", ["retryAfter"] = seconds })
            .ExecuteAsync(http).ConfigureAwait(false);
    }

    [LoggerMessage(EventId = 20, Level = LogLevel.Warning, Message = "Login from {Client} to {Pool} refused: {Reason}; retry in {Seconds} s")]
    private static partial void TooManyLogins(ILogger logger, IPAddress client, string pool, string reason, int seconds);
}
