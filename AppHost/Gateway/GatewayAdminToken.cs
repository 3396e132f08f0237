using System.Buffers.Text;
using System.Security.Cryptography;

namespace ClusterSessions.AppHost.Gateway;

/// <summary>
/// The secret the gateway's admin API asks for (<see cref="HeaderName"/>): 256 random bits made when the AppHost
/// starts, so each run has its own, and kept in memory only. The gateway gets it as <c>Gateway__AdminToken</c>
/// through a secret parameter (the dashboard masks it), <see cref="GatewayAdminClient"/> sends it.
/// </summary>
internal static class GatewayAdminToken
{
    /// <summary>The gateway's <c>AdminAccessMiddleware</c> reads the same name (the two projects share no assembly).</summary>
    public const string HeaderName = "X-Admin-Token";

    public const string ParameterName = "gateway-admin-token";

    public static string Value { get; } = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
}
