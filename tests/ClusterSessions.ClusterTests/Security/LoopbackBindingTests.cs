using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using ClusterSessions.ClusterTests.Infrastructure;
using StackExchange.Redis;
using Xunit.Abstractions;

namespace ClusterSessions.ClusterTests.Security;

/// <summary>
/// The cluster is a demo on one machine: the gateway (its public and admin ports), every node and Redis listen on
/// 127.0.0.1 only, so nothing on the network can reach a node around the gateway, the admin API or the store.
/// </summary>
[Collection(RedisCollection.Name)]
public sealed class LoopbackBindingTests(RedisCluster cluster, ITestOutputHelper output)
{
    [Fact]
    public void EveryProcessOfTheCluster_ListensOnLoopbackOnly_OnThePortsTheModelGaveIt()
    {
        var expected = ExpectedPorts();
        var running = cluster.Control.Resources.Where(r => r.Pid is not null).ToDictionary(r => r.Name, r => r.Pid!.Value);
        Assert.Equal(expected.Keys.Order(), running.Keys.Where(expected.ContainsKey).Order());

        foreach (var (name, ports) in expected)
        {
            // Every socket the process listens on, whether or not the model knows about it.
            var sockets = ListeningSocket.Of(running[name]);
            output.WriteLine($"{name} (pid {running[name]}): {string.Join(", ", sockets)}");
            Assert.Superset(ports.ToHashSet(), sockets.Select(s => s.Port).ToHashSet());
            Assert.All(sockets, s => Assert.True(s.IsLoopback, $"{name} listens on {s}"));
        }
    }

    [Fact]
    public void TheLabInTheAppHost_ListensOnLoopbackOnly()
    {
        var sockets = ListeningSocket.All().Where(s => s.Port == cluster.Lab.Port).ToList();

        Assert.NotEmpty(sockets);
        Assert.All(sockets, s => Assert.True(s.IsLoopback, $"the lab listens on {s}"));
    }

    [Fact]
    public async Task EveryPortOfTheCluster_FromTheMachinesOtherAddresses_RefusesTheConnection()
    {
        var addresses = NetworkInterface.GetAllNetworkInterfaces()
            .Where(n => n.OperationalStatus == OperationalStatus.Up && n.NetworkInterfaceType != NetworkInterfaceType.Loopback)
            .SelectMany(n => n.GetIPProperties().UnicastAddresses.Select(a => a.Address))
            .Where(a => !IPAddress.IsLoopback(a) && !a.IsIPv6LinkLocal)
            .ToList();
        var ports = ExpectedPorts().Values.SelectMany(p => p).Append(cluster.Lab.Port).ToList();
        output.WriteLine($"ports {string.Join(", ", ports)}; addresses {string.Join(", ", addresses)}");

        foreach (var port in ports)
        {
            // Open on loopback: a refusal below is the binding's doing, not a port that nothing listens on.
            Assert.Null(await ConnectAsync(IPAddress.Loopback, port));
            foreach (var address in addresses)
            {
                Assert.Equal(SocketError.ConnectionRefused, await ConnectAsync(address, port));
            }
        }
    }

    /// <summary>Each resource with the ports the AppHost gave it: its endpoint, and the gateway's admin port too.</summary>
    private Dictionary<string, int[]> ExpectedPorts()
    {
        var model = cluster.Model;
        var store = ConfigurationOptions.Parse(model.Store!.ConnectionString!).EndPoints.Single() switch
        {
            IPEndPoint ip => ip.Port,
            DnsEndPoint dns => dns.Port,
            var other => throw new InvalidOperationException($"unexpected store endpoint {other}"),
        };
        var ports = new Dictionary<string, int[]>
        {
            [model.Gateway!.Name] = [model.Gateway.Port, model.Gateway.AdminPort],
            [model.Store.Name] = [store],
        };
        foreach (var node in model.Pools.SelectMany(p => p.Members))
        {
            ports[node.Name] = [node.Port];
        }

        return ports;
    }

    /// <summary>Null when the connection was accepted, else why not (a timeout counts as not refused).</summary>
    private static async Task<SocketError?> ConnectAsync(IPAddress address, int port)
    {
        using var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(3));
        try
        {
            await socket.ConnectAsync(new IPEndPoint(address, port), timeout.Token);
            return null;
        }
        catch (SocketException exception)
        {
            return exception.SocketErrorCode;
        }
        catch (OperationCanceledException)
        {
            return SocketError.TimedOut;
        }
    }
}
