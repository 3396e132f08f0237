using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace ClusterSessions.Tokens;

/// <summary>
/// Instances of one EC key, one per concurrent caller: .NET does not promise that an
/// <see cref="ECDsa"/> instance is safe to use from several threads at once.
/// </summary>
internal sealed class EcdsaPool : IDisposable
{
    private readonly ConcurrentBag<ECDsa> _idle = [];
    private readonly int _maxIdle = Environment.ProcessorCount * 2;
    private ECParameters _parameters;
    private int _idleCount;
    private volatile bool _disposed;

    public EcdsaPool(ECParameters parameters) => _parameters = parameters;

    public ECDsa Rent()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_idle.TryTake(out var ecdsa))
        {
            Interlocked.Decrement(ref _idleCount);
            return ecdsa;
        }

        return ECDsa.Create(_parameters);
    }

    public void Return(ECDsa ecdsa)
    {
        if (_disposed || Interlocked.Increment(ref _idleCount) > _maxIdle)
        {
            Interlocked.Decrement(ref _idleCount);
            ecdsa.Dispose();
            return;
        }

        _idle.Add(ecdsa);
    }

    public void Dispose()
    {
        _disposed = true;
        while (_idle.TryTake(out var ecdsa))
        {
            ecdsa.Dispose();
        }

        if (_parameters.D is { } d)
        {
            CryptographicOperations.ZeroMemory(d);
        }

        _parameters = default;
    }
}
