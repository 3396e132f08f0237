using System.Security.Cryptography;
using System.Text;
using ClusterSessions.Gateway.Pools;
using Microsoft.Extensions.Options;

namespace ClusterSessions.Gateway.Admin;

/// <summary>
/// Guards everything that arrives on the admin port, before any endpoint reads a body: a request from a browser page
/// (an <c>Origin</c> or <c>Sec-Fetch-Site</c> header; the AppHost sends neither) or without this run's
/// <see cref="HeaderName"/> gets 403 and changes nothing. Loopback alone is not enough: any page the user opens can
/// send a POST to 127.0.0.1.
/// </summary>
internal sealed partial class AdminAccessMiddleware(RequestDelegate next, IOptions<GatewayOptions> options, ILogger<AdminAccessMiddleware> logger)
{
    /// <summary>The AppHost's <c>GatewayAdminClient</c> sends the same name (the two projects share no assembly).</summary>
    public const string HeaderName = "X-Admin-Token";

    private readonly int _adminPort = options.Value.AdminPort;
    private readonly byte[] _token = Encoding.UTF8.GetBytes(options.Value.AdminToken ?? "");

    public Task InvokeAsync(HttpContext context)
    {
        if (context.Connection.LocalPort != _adminPort)
        {
            return next(context);
        }

        if (RefusalOf(context.Request) is not { } refusal)
        {
            return next(context);
        }

        Refused(logger, context.Request.Method, context.Request.Path, refusal.Reason);
        return TypedResults.Problem(
            statusCode: StatusCodes.Status403Forbidden,
            detail: refusal.Detail,
            extensions: new Dictionary<string, object?> { ["error"] = refusal.Error })
            .ExecuteAsync(context);
    }

    private (string Error, string Detail, string Reason)? RefusalOf(HttpRequest request)
    {
        if (request.Headers.Origin.Count > 0 || request.Headers.ContainsKey("Sec-Fetch-Site"))
        {
            return ("cross-origin request", "the gateway's admin API answers no browser page", "sent by a browser page");
        }

        // The same time whatever the first wrong byte is, so answer times do not reveal the token a byte at a time.
        var presented = request.Headers[HeaderName].ToString();
        return _token.Length > 0 && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), _token)
            ? null
            : ("admin token required", $"send this run's admin token as {HeaderName}", presented.Length == 0 ? "no admin token" : "wrong admin token");
    }

    [LoggerMessage(EventId = 30, Level = LogLevel.Warning, Message = "Admin API refused {Method} {Path}: {Reason}")]
    private static partial void Refused(ILogger logger, string method, PathString path, string reason);
}
