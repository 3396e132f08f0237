using System.Globalization;
using System.Net;

namespace ClusterSessions.ClusterTests.Infrastructure;

/// <summary>A TCP socket in the LISTEN state, as <c>/proc/net/tcp</c> and <c>/proc/net/tcp6</c> show it.</summary>
internal sealed record ListeningSocket(IPAddress Address, int Port, long Inode)
{
    private const string ListenState = "0A";

    /// <summary>Every listening TCP socket of this network namespace, IPv4 and IPv6.</summary>
    public static IReadOnlyList<ListeningSocket> All() =>
        [.. Read("/proc/net/tcp"), .. Read("/proc/net/tcp6")];

    /// <summary>The listening sockets <paramref name="pid"/> holds open (its <c>/proc/pid/fd</c> links to <c>socket:[inode]</c>).</summary>
    public static IReadOnlyList<ListeningSocket> Of(int pid)
    {
        var inodes = new HashSet<long>();
        foreach (var fd in Directory.EnumerateFiles($"/proc/{pid}/fd"))
        {
            if (new FileInfo(fd).LinkTarget is { } target && target.StartsWith("socket:[", StringComparison.Ordinal))
            {
                inodes.Add(long.Parse(target["socket:[".Length..^1], CultureInfo.InvariantCulture));
            }
        }

        return [.. All().Where(s => inodes.Contains(s.Inode))];
    }

    /// <summary>Loopback, IPv4-mapped loopback (<c>::ffff:127.0.0.1</c>) included.</summary>
    public bool IsLoopback => IPAddress.IsLoopback(Address.IsIPv4MappedToIPv6 ? Address.MapToIPv4() : Address);

    public override string ToString() => $"{Address}:{Port}";

    // "  0: 0100007F:B067 00000000:0000 0A … inode …": the address in hex, each 32-bit word in host (little-endian) order.
    private static IEnumerable<ListeningSocket> Read(string path)
    {
        if (!File.Exists(path))
        {
            yield break;
        }

        foreach (var line in File.ReadLines(path).Skip(1))
        {
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length < 10 || fields[3] != ListenState)
            {
                continue;
            }

            var local = fields[1].Split(':');
            var hex = Convert.FromHexString(local[0]);
            for (var word = 0; word < hex.Length; word += 4)
            {
                Array.Reverse(hex, word, 4);
            }

            yield return new ListeningSocket(
                new IPAddress(hex),
                int.Parse(local[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture),
                long.Parse(fields[9], CultureInfo.InvariantCulture));
        }
    }
}
