using System.Net;

namespace ClusterSessions.AppHost.Compare.Scenarios;

/// <summary>
/// Log out (once, as a browser does), then replay the pre-logout cookie or token against every node directly.
/// On <c>local</c> the logout usually lands on a node that cannot read the cookie: the browser's cookie is cleared,
/// but the session lives on at the node that minted it, and a copy of the cookie still works there.
/// </summary>
internal sealed class LogoutReplayScenario : IScenario
{
    public string Name => "logoutReplay";

    public string Description => "log out, then replay the pre-logout cookie/token against every node";

    public async Task<Dictionary<string, StrategyResult>> RunAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        using var users = context.CreateUsers();
        var accepted = new Dictionary<string, int>(StringComparer.Ordinal);
        using var replay = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { Timeout = context.Options.RequestTimeout };
        await Task.WhenAll(users.ByStrategy.Select(async pair =>
        {
            var (strategy, pool) = pair;
            var nodes = context.Cluster.Pools.Single(p => p.Strategy == strategy).Members;
            var count = 0;
            foreach (var user in pool)
            {
                await user.LoginAsync(cancellationToken).ConfigureAwait(false);
                var random = new Random(17);
                for (var i = 0; i < 4; i++)
                {
                    await user.StepAsync(random, cancellationToken).ConfigureAwait(false);
                }

                var credential = user.Credential();
                await user.LogoutAsync(cancellationToken).ConfigureAwait(false);

                foreach (var node in nodes)
                {
                    using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"{node.Url}/{strategy}/api/me"));
                    if (user.Token is not null)
                    {
                        request.Headers.Authorization = new("Bearer", credential);
                    }
                    else
                    {
                        request.Headers.Add("Cookie", credential);
                    }

                    using var response = await replay.SendAsync(request, cancellationToken).ConfigureAwait(false);
                    count += response.StatusCode == HttpStatusCode.OK ? 1 : 0;
                }
            }

            lock (accepted)
            {
                accepted[strategy] = count;
            }
        })).ConfigureAwait(false);

        return users.ByStrategy.ToDictionary(
            pair => pair.Key,
            pair => ScenarioContext.Summarize(pair.Value) with { AcceptedAfterLogout = accepted[pair.Key] });
    }
}
