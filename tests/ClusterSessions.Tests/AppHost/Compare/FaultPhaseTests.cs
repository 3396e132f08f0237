using ClusterSessions.AppHost.Compare;

namespace ClusterSessions.Tests.AppHost.Compare;

public sealed class FaultPhaseTests
{
    [Fact]
    public void AllArrived_WaitsForTheLastUser()
    {
        var phase = new FaultPhase(3, TestClock.Create());

        phase.Arrive();
        phase.Arrive();
        Assert.False(phase.AllArrived.IsCompleted);

        phase.Arrive();
        Assert.True(phase.AllArrived.IsCompletedSuccessfully);
    }

    [Fact]
    public void AllArrived_NoUsers_IsComplete() => Assert.True(new FaultPhase(0, TestClock.Create()).AllArrived.IsCompleted);

    [Fact]
    public void Fault_RecordsWhenItBeganAndWhenTrafficResumes()
    {
        var clock = TestClock.Create();
        var phase = new FaultPhase(1, clock);
        Assert.Null(phase.FaultAt);

        phase.BeginFault();
        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.False(phase.FaultDone.IsCompleted);
        phase.EndFault();

        Assert.Equal(TestClock.Start, phase.FaultAt);
        Assert.Equal(TestClock.Start.AddSeconds(2), phase.ResumedAt);
        Assert.True(phase.FaultDone.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task Fail_ReleasesWaitingUsersWithTheFaultsError()
    {
        var phase = new FaultPhase(1, TestClock.Create());

        phase.Fail(new InvalidOperationException("kill failed"));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => phase.FaultDone);
        Assert.Equal("kill failed", error.Message);
    }
}
