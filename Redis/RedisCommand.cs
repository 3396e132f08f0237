using System.Buffers;
using ClusterSessions.Redis.Protocol;

namespace ClusterSessions.Redis;

/// <summary>
/// A command ready to send. It is encoded once, here, outside the connection's lock, so that queuing it
/// on a busy connection is a memory copy.
/// </summary>
public sealed class RedisCommand
{
    public RedisCommand(string name, params ReadOnlySpan<RedisArgument> arguments)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        for (var i = 0; i < arguments.Length; i++)
        {
            if (arguments[i].IsMissing)
            {
                throw new ArgumentException($"Argument {i + 1} of the {name} command is null.", nameof(arguments));
            }
        }

        Name = name;
        ArgumentCount = arguments.Length;
        Payload = RespWriter.EncodeCommand(name, arguments);
    }

    public string Name { get; }

    public int ArgumentCount { get; }

    /// <summary>The RESP encoding of the command.</summary>
    internal ReadOnlyMemory<byte> Payload { get; }

    /// <summary>Decodes the command back into its parts (test fakes and diagnostics).</summary>
    internal IReadOnlyList<string> GetParts() =>
        RespReader.ReadSingle(new ReadOnlySequence<byte>(Payload)).Elements.Select(e => e.AsString()!).ToArray();

    /// <summary>Only the name: arguments can hold passwords and user data, which must not reach logs.</summary>
    public override string ToString() => Name;
}
