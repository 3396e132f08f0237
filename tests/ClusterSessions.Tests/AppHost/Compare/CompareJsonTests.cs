using System.Text.Json;
using ClusterSessions.AppHost.Compare;

namespace ClusterSessions.Tests.AppHost.Compare;

public sealed class CompareJsonTests
{
    [Fact]
    public void Write_NodeKillUnderLoad_HasRequestsErrorsSessionsLostAnd401sPerStrategy()
    {
        var json = JsonDocument.Parse(CompareJson.Write(CompareMarkdownTests.UnderLoadReport())).RootElement;

        Assert.Equal(16, json.GetProperty("config").GetProperty("usersUnderLoad").GetInt32());
        var sticky = json.GetProperty("scenarios").GetProperty("nodeKillUnderLoad").GetProperty("sticky");
        Assert.Equal(3000, sticky.GetProperty("requests").GetInt32());
        Assert.Equal(4, sticky.GetProperty("errors").GetInt32());
        Assert.Equal(5, sticky.GetProperty("sessionsLost").GetInt32());
        Assert.Equal(5, sticky.GetProperty("unauthorized").GetInt32());
        Assert.Equal(0.42, sticky.GetProperty("recoverySeconds").GetDouble());
        // Written for every scenario, null where it does not apply, as acceptedAfterLogout and lostUpdates are.
        Assert.Equal(JsonValueKind.Null, json.GetProperty("scenarios").GetProperty("nodeKill").GetProperty("sticky").GetProperty("unauthorized").ValueKind);
    }

    [Fact]
    public void Write_ReadBack_GivesTheSameMarkdown()
    {
        // The lab keeps the last report as compare.json and draws compare.md from what it reads back.
        var report = CompareMarkdownTests.UnderLoadReport();

        var readBack = JsonSerializer.Deserialize<CompareReport>(CompareJson.Write(report), CompareJson.Options)!;

        Assert.Equal(CompareMarkdown.Write(report), CompareMarkdown.Write(readBack));
    }
}
