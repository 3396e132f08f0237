using ClusterSessions.Redis.Commands;

namespace ClusterSessions.Redis.Tests.Commands;

public sealed class RedisCommandsTests
{
    public static TheoryData<RedisCommand, string> Commands => new()
    {
        { RedisCommands.Set("k", "v"), "SET k v" },
        { RedisCommands.Set("k", "v", TimeSpan.FromSeconds(1.5)), "SET k v PX 1500" },
        { RedisCommands.Set("k", "v", TimeSpan.FromTicks(1), SetCondition.IfNotExists), "SET k v PX 1 NX" },
        { RedisCommands.Set("k", "v", condition: SetCondition.IfExists), "SET k v XX" },
        { RedisCommands.Del("a", "b"), "DEL a b" },
        { RedisCommands.Exists("a"), "EXISTS a" },
        { RedisCommands.PExpire("k", TimeSpan.FromMinutes(1)), "PEXPIRE k 60000" },
        { RedisCommands.IncrBy("k", -5), "INCRBY k -5" },
        { RedisCommands.RPush("l", "x", "y"), "RPUSH l x y" },
        { RedisCommands.LRange("l", 0, -1), "LRANGE l 0 -1" },
        { RedisCommands.SAdd("s", "m"), "SADD s m" },
        { RedisCommands.SRem("s", "m", "n"), "SREM s m n" },
        { RedisCommands.HSet("h", new KeyValuePair<string, RedisArgument>("f", 1), new KeyValuePair<string, RedisArgument>("g", "x")), "HSET h f 1 g x" },
        { RedisCommands.HMGet("h", "f", "g"), "HMGET h f g" },
        { RedisCommands.Scan("0"), "SCAN 0" },
        { RedisCommands.Scan("17", "session:*", 100), "SCAN 17 MATCH session:* COUNT 100" },
        { RedisCommands.Info("server"), "INFO server" },
        { RedisCommands.Auth(null, "pw"), "AUTH pw" },
        { RedisCommands.Auth("user", "pw"), "AUTH user pw" },
        { RedisCommands.Select(3), "SELECT 3" },
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public void Builder_Arguments_EncodesExpectedCommand(RedisCommand command, string expected)
    {
        Assert.Equal(expected, string.Join(' ', command.GetParts()));
    }

    [Fact]
    public void Set_NonPositiveExpiry_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => RedisCommands.Set("k", "v", TimeSpan.Zero));
    }

    [Fact]
    public void Del_NoKeys_Throws()
    {
        Assert.Throws<ArgumentException>(() => RedisCommands.Del([]));
    }

    [Fact]
    public void RPush_NoValues_Throws()
    {
        Assert.Throws<ArgumentException>(() => RedisCommands.RPush("l"));
    }
}
