using System.Net;
using System.Net.Sockets;

namespace ClusterSessions.AppHost.Cluster;

/// <summary>Hands out free loopback ports, never the same one twice in this process.</summary>
internal static class FreePorts
{
    private static readonly Lock Gate = new();
    private static readonly HashSet<int> Given = [];

    /// <summary><paramref name="requested"/> itself, or a free port when it is 0.</summary>
    public static int Allocate(int requested = 0)
    {
        if (requested != 0)
        {
            return requested;
        }

        lock (Gate)
        {
            while (true)
            {
                using var listener = new TcpListener(IPAddress.Loopback, 0);
                listener.Start();
                var port = ((IPEndPoint)listener.LocalEndpoint).Port;
                listener.Stop();
                if (Given.Add(port))
                {
                    return port;
                }
            }
        }
    }
}
