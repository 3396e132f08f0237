namespace ClusterSessions.AppHost.Compare;

/// <summary>
/// The half-way barrier of a compare scenario: the fault starts once every user is half-way, and users go on once it
/// has done its work. A fault timed by the clock alone can miss a strategy whose traffic ran ahead or fell behind.
/// </summary>
internal sealed class FaultPhase
{
    private readonly TaskCompletionSource _allArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _faultDone = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TimeProvider _timeProvider;
    private int _waiting;

    public FaultPhase(int users, TimeProvider timeProvider)
    {
        _waiting = users;
        _timeProvider = timeProvider;
        if (users == 0)
        {
            _allArrived.SetResult();
        }
    }

    /// <summary>Completes when every user is half-way (at once when there are no users).</summary>
    public Task AllArrived => _allArrived.Task;

    /// <summary>Completes when the fault has done its work; faults when the fault failed.</summary>
    public Task FaultDone => _faultDone.Task;

    /// <summary>When the fault began: the moment recovery is measured from.</summary>
    public DateTimeOffset? FaultAt { get; private set; }

    /// <summary>When the fault had done its work: the second half of the schedule starts here.</summary>
    public DateTimeOffset ResumedAt { get; private set; }

    public void Arrive()
    {
        if (Interlocked.Decrement(ref _waiting) == 0)
        {
            _allArrived.TrySetResult();
        }
    }

    public void BeginFault() => FaultAt = _timeProvider.GetUtcNow();

    public void EndFault()
    {
        ResumedAt = _timeProvider.GetUtcNow();
        _faultDone.TrySetResult();
    }

    public void Fail(Exception exception) => _faultDone.TrySetException(exception);
}
