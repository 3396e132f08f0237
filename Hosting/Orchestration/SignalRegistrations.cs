using System.Runtime.InteropServices;

namespace ClusterSessions.Hosting.Orchestration;

internal sealed class SignalRegistrations(params PosixSignalRegistration[] registrations) : IDisposable
{
    public void Dispose()
    {
        foreach (var registration in registrations)
        {
            registration.Dispose();
        }
    }
}
