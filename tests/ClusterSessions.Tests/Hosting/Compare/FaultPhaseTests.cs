using ClusterSessions.Hosting.Compare;

namespace ClusterSessions.Tests.Hosting.Compare;

public sealed class FaultPhaseTests
{
    [Fact]
    public void AllArrived_WaitsForTheLastUser()
    {
        var phase = new FaultPhase(3, new TestTimeProvider());

        phase.Arrive();
        phase.Arrive();
        Assert.False(phase.AllArrived.IsCompleted);

        phase.Arrive();
        Assert.True(phase.AllArrived.IsCompletedSuccessfully);
    }

    [Fact]
    public void AllArrived_NoUsers_IsComplete() => Assert.True(new FaultPhase(0, new TestTimeProvider()).AllArrived.IsCompleted);

    [Fact]
    public void Fault_RecordsWhenItBeganAndWhenTrafficResumes()
    {
        var clock = new TestTimeProvider();
        var phase = new FaultPhase(1, clock);
        Assert.Null(phase.FaultAt);

        phase.BeginFault();
        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.False(phase.FaultDone.IsCompleted);
        phase.EndFault();

        Assert.Equal(TestTimeProvider.DefaultStart, phase.FaultAt);
        Assert.Equal(TestTimeProvider.DefaultStart.AddSeconds(2), phase.ResumedAt);
        Assert.True(phase.FaultDone.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task Fail_ReleasesWaitingUsersWithTheFaultsError()
    {
        var phase = new FaultPhase(1, new TestTimeProvider());

        phase.Fail(new InvalidOperationException("kill failed"));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => phase.FaultDone);
        Assert.Equal("kill failed", error.Message);
    }
}
