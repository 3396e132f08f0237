using System.Buffers.Text;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Options;

namespace ClusterSessions.WebNode.Sessions.Server;

/// <summary>
/// Keeps the login cookie's ticket server-side (<see cref="CookieAuthenticationOptions.SessionStore"/>), in the node's
/// <see cref="IDistributedCache"/>: node memory on <c>local</c>/<c>sticky</c>, Redis on <c>redis</c>. The cookie then
/// carries only a random key; every sign-in stores a new ticket under a new key and removes the old one, and a sign-out
/// removes it, so a copied cookie stops working at once.
/// </summary>
internal sealed partial class DistributedTicketStore(
    IDistributedCache cache,
    ILoginIndex index,
    IOptions<SessionStrategyOptions> options,
    ILogger<DistributedTicketStore> logger) : ITicketStore
{
    public const string KeyPrefix = "login:";

    private readonly DistributedCacheEntryOptions _entryOptions = new() { SlidingExpiration = options.Value.IdleTimeout };
    private readonly bool _silent = options.Value.StoreDown == SessionStoreDown.Silent;

    public Task<string> StoreAsync(AuthenticationTicket ticket) => StoreAsync(ticket, CancellationToken.None);

    public async Task<string> StoreAsync(AuthenticationTicket ticket, CancellationToken cancellationToken)
    {
        var key = KeyPrefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        await RunAsync(async () =>
        {
            await cache.SetAsync(key, TicketSerializer.Default.Serialize(ticket), _entryOptions, cancellationToken).ConfigureAwait(false);
            if (ticket.Principal.Identity?.Name is { } user)
            {
                await index.AddAsync(user, key, cancellationToken).ConfigureAwait(false);
            }
        }).ConfigureAwait(false);
        return key;
    }

    public Task RenewAsync(string key, AuthenticationTicket ticket) => RenewAsync(key, ticket, CancellationToken.None);

    public Task RenewAsync(string key, AuthenticationTicket ticket, CancellationToken cancellationToken) =>
        RunAsync(() => cache.SetAsync(key, TicketSerializer.Default.Serialize(ticket), _entryOptions, cancellationToken));

    public Task<AuthenticationTicket?> RetrieveAsync(string key) => RetrieveAsync(key, CancellationToken.None);

    public async Task<AuthenticationTicket?> RetrieveAsync(string key, CancellationToken cancellationToken)
    {
        byte[]? bytes = null;
        await RunAsync(async () => bytes = await cache.GetAsync(key, cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
        return bytes is null ? null : TicketSerializer.Default.Deserialize(bytes);
    }

    public Task RemoveAsync(string key) => RemoveAsync(key, CancellationToken.None);

    public Task RemoveAsync(string key, CancellationToken cancellationToken) =>
        RunAsync(() => cache.RemoveAsync(key, cancellationToken));

    private async Task RunAsync(Func<Task> operation)
    {
        try
        {
            await operation().ConfigureAwait(false);
        }
        catch (Exception exception) when (StoreFailures.IsStoreFailure(exception))
        {
            if (!_silent)
            {
                throw new SessionStoreUnavailableException(StoreFailures.Describe(exception), exception);
            }

            // Session:StoreDown=Silent: what a stock setup does; the login looks absent, a write is lost.
            IgnoredStoreFailure(logger, StoreFailures.Describe(exception));
        }
    }

    [LoggerMessage(EventId = 110, Level = LogLevel.Warning, Message = "Login store unavailable, going on as if it were empty (Session:StoreDown=Silent): {Reason}")]
    private static partial void IgnoredStoreFailure(ILogger logger, string reason);
}
