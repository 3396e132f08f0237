using Microsoft.AspNetCore.Http.Features;

namespace ClusterSessions.Tests.ServiceDefaults;

/// <summary>A response feature that runs its <c>OnStarting</c> callbacks when the test says the response starts.</summary>
internal sealed class StartableResponseFeature : HttpResponseFeature
{
    private readonly Stack<(Func<object, Task> Callback, object State)> _onStarting = new();
    private bool _started;

    public override bool HasStarted => _started;

    public override void OnStarting(Func<object, Task> callback, object state) => _onStarting.Push((callback, state));

    public async Task StartAsync()
    {
        while (_onStarting.TryPop(out var entry))
        {
            await entry.Callback(entry.State);
        }

        _started = true;
    }
}
