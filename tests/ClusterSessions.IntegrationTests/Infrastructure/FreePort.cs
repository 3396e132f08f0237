using System.Net;
using System.Net.Sockets;

namespace ClusterSessions.IntegrationTests.Infrastructure;

public static class FreePort
{
    /// <summary>A port the OS just handed out and released; good enough on a test machine.</summary>
    public static int Get()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
