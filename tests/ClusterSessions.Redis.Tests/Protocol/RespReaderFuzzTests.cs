using System.Buffers;
using System.Text;
using ClusterSessions.Redis.Protocol;
using ClusterSessions.Redis.Tests.TestDoubles;

namespace ClusterSessions.Redis.Tests.Protocol;

public sealed class RespReaderFuzzTests
{
    private const int Seed = 20250101;
    private const int Rounds = 2000;

    private static readonly string[] ValidReplies =
    [
        "+OK\r\n", "-ERR x\r\n", ":123\r\n", ":-1\r\n", "$3\r\nfoo\r\n", "$0\r\n\r\n", "$-1\r\n", "*-1\r\n", "*0\r\n",
        "*2\r\n$1\r\na\r\n*1\r\n:5\r\n", "*3\r\n+QUEUED\r\n$2\r\n\r\n\r\n*2\r\n*0\r\n$-1\r\n",
    ];

    private static readonly byte[] Alphabet = "+-:$*\r\n0123456789-ab\0\xFF"u8.ToArray();

    [Fact]
    public async Task TryRead_SeededRandomAndMutatedBuffers_ParsesOrThrowsProtocolExceptionOnly()
    {
        // A hang would be a bug too: run on another thread and bound the whole round.
        var (parsed, rejected, incomplete) = await Task.Run(RunRounds).WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(Rounds * 2, parsed + rejected + incomplete);

        // The generator must exercise all three outcomes, or the test proves little.
        Assert.True(parsed > 100 && rejected > 100 && incomplete > 100, $"parsed {parsed}, rejected {rejected}, incomplete {incomplete}");
    }

    private static (int Parsed, int Rejected, int Incomplete) RunRounds()
    {
        var random = new Random(Seed);
        var tight = RespLimits.Default with { MaxBulkLength = 64, MaxArrayLength = 16, MaxDepth = 4, MaxLineLength = 32 };
        int parsed = 0, rejected = 0, incomplete = 0;
        for (var round = 0; round < Rounds; round++)
        {
            var bytes = Generate(random);
            foreach (var limits in new[] { RespLimits.Default, tight })
            {
                var outcome = ParseAll(bytes, limits, random);
                _ = outcome switch
                {
                    Outcome.Parsed => parsed++,
                    Outcome.Rejected => rejected++,
                    _ => incomplete++,
                };
            }
        }

        return (parsed, rejected, incomplete);
    }

    private enum Outcome
    {
        Parsed,
        Rejected,
        Incomplete,
    }

    private static Outcome ParseAll(byte[] bytes, RespLimits limits, Random random)
    {
        var buffer = bytes.Length > 2 && random.Next(2) == 0
            ? TestSequence.Split(bytes, random.Next(1, bytes.Length))
            : new ReadOnlySequence<byte>(bytes);
        try
        {
            while (!buffer.IsEmpty)
            {
                var before = buffer.Length;
                if (!RespReader.TryRead(ref buffer, limits, out var value))
                {
                    Assert.Equal(before, buffer.Length);
                    return Outcome.Incomplete;
                }

                Assert.NotNull(value);
                Assert.True(buffer.Length < before, "a successful read must consume bytes");
            }

            return Outcome.Parsed;
        }
        catch (RedisProtocolException)
        {
            return Outcome.Rejected;
        }
    }

    private static byte[] Generate(Random random)
    {
        switch (random.Next(4))
        {
            case 0:
                // Noise over the RESP alphabet, so headers and CRLFs are common.
                var noise = new byte[random.Next(0, 48)];
                for (var i = 0; i < noise.Length; i++)
                {
                    noise[i] = Alphabet[random.Next(Alphabet.Length)];
                }

                return noise;
            case 1:
                var raw = new byte[random.Next(0, 48)];
                random.NextBytes(raw);
                return raw;
            case 2:
                return Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, random.Next(1, 4)).Select(_ => ValidReplies[random.Next(ValidReplies.Length)])));
            default:
                var valid = Encoding.UTF8.GetBytes(ValidReplies[random.Next(ValidReplies.Length)]).ToList();
                for (var m = random.Next(1, 4); m > 0 && valid.Count > 0; m--)
                {
                    var at = random.Next(valid.Count);
                    switch (random.Next(3))
                    {
                        case 0:
                            valid[at] = Alphabet[random.Next(Alphabet.Length)];
                            break;
                        case 1:
                            valid.RemoveAt(at);
                            break;
                        default:
                            valid.Insert(at, Alphabet[random.Next(Alphabet.Length)]);
                            break;
                    }
                }

                return [.. valid];
        }
    }
}
