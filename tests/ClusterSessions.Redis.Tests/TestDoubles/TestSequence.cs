using System.Buffers;
using System.Text;

namespace ClusterSessions.Redis.Tests.TestDoubles;

/// <summary>Builds multi-segment buffers, the shape a pipe hands over when a reply arrives in pieces.</summary>
internal static class TestSequence
{
    public static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    public static ReadOnlySequence<byte> Create(params byte[][] chunks)
    {
        if (chunks.Length == 0)
        {
            return ReadOnlySequence<byte>.Empty;
        }

        var first = new Segment(chunks[0], 0);
        var last = first;
        foreach (var chunk in chunks.Skip(1))
        {
            last = last.Append(chunk);
        }

        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }

    public static ReadOnlySequence<byte> Split(byte[] bytes, params int[] cuts)
    {
        var chunks = new List<byte[]>();
        var start = 0;
        foreach (var cut in cuts.Order())
        {
            chunks.Add(bytes[start..cut]);
            start = cut;
        }

        chunks.Add(bytes[start..]);
        return Create([.. chunks]);
    }

    public static ReadOnlySequence<byte> OneBytePerSegment(byte[] bytes) =>
        bytes.Length == 0 ? ReadOnlySequence<byte>.Empty : Create([.. bytes.Select(b => new[] { b })]);

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }
}
