using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using ClusterSessions.Gateway.Pools;
using ClusterSessions.Gateway.Traffic;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace ClusterSessions.Tests.Gateway.LoginThrottling;

/// <summary>
/// The login rate limit through the gateway (in memory) to a real Kestrel node that answers a login 401 unless the
/// password is "right". Two failed logins per address, given back once an hour (never within a test), one login of
/// an address under way at once and one waiting (unless a test says otherwise). Each test uses addresses of its own.
/// </summary>
public sealed class LoginThrottlingTests : IAsyncLifetime, IDisposable
{
    private readonly GatewayHost _gateway = Gateway(permitLimit: 1, queueLimit: 1);

    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TestBackend _node = null!;
    private int _loginsWaiting;
    private volatile bool _holdLogins;

    public async Task InitializeAsync()
    {
        _node = await TestBackend.StartAsync(async context =>
        {
            if (!context.Request.Path.StartsWithSegments("/p/api/login"))
            {
                return;
            }

            if (_holdLogins)
            {
                Interlocked.Increment(ref _loginsWaiting);
                await _release.Task;
            }

            var body = await new StreamReader(context.Request.Body).ReadToEndAsync();
            context.Response.StatusCode = body.Contains("\"right\"", StringComparison.Ordinal) ? StatusCodes.Status200OK : StatusCodes.Status401Unauthorized;
        });
        Route(_gateway);
    }

    [Fact]
    public async Task Login_WrongPasswordsBeyondTheBudget_429WithRetryAfterAndAProblemAndNoNodeAsked()
    {
        using var client = Client("10.0.0.1");

        using var first = await LoginAsync(client, "wrong");
        using var second = await LoginAsync(client, "wrong");
        using var third = await LoginAsync(client, "wrong");
        using var rightButLate = await LoginAsync(client, "right");

        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized), (first.StatusCode, second.StatusCode));
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.Equal(TimeSpan.FromHours(1), third.Headers.RetryAfter?.Delta);
        Assert.Equal("application/problem+json", third.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await third.Content.ReadAsStringAsync());
        Assert.Equal(429, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Equal("too many login attempts", problem.RootElement.GetProperty("title").GetString());
        Assert.Equal("too many login attempts", problem.RootElement.GetProperty("error").GetString());
        Assert.Equal("too many failed logins from this address: try again in 3600 s", problem.RootElement.GetProperty("detail").GetString());
        Assert.Equal(3600, problem.RootElement.GetProperty("retryAfter").GetInt32());
        Assert.Equal(HttpStatusCode.TooManyRequests, rightButLate.StatusCode);
        Assert.Equal(2, _node.Requests);
    }

    [Fact]
    public async Task Login_RightPasswords_AreNeverCounted()
    {
        using var client = Client("10.0.1.1");

        for (var i = 0; i < 20; i++)
        {
            using var response = await LoginAsync(client, "right");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        using var wrong = await LoginAsync(client, "wrong");
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
    }

    [Fact]
    public async Task Login_BudgetSpent_TheAddressesOtherRequestsAndOtherAddressesPass()
    {
        using var spent = Client("10.0.2.1");
        (await LoginAsync(spent, "wrong")).Dispose();
        (await LoginAsync(spent, "wrong")).Dispose();
        using var other = Client("10.0.2.2");

        using var me = await spent.GetAsync(new Uri("/p/api/me", UriKind.Relative));
        using var getLogin = await spent.GetAsync(new Uri("/p/api/login", UriKind.Relative));
        using var otherLogin = await LoginAsync(other, "wrong");

        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, getLogin.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, otherLogin.StatusCode);
    }

    [Theory]
    [InlineData("/p/api/login/")]
    [InlineData("/P/API/LOGIN")]
    public async Task Login_SpellingOfThePath_IsCountedAndLimitedTheSame(string path)
    {
        using var client = Client("10.0.3.1");
        (await LoginAsync(client, "wrong")).Dispose();
        (await LoginAsync(client, "wrong")).Dispose();

        using var response = await client.PostAsync(new Uri(path, UriKind.Relative), Body("wrong"));

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
    }

    [Fact]
    public async Task Login_ManyAtOnce_OneUnderWayOneWaitingTheRestRefusedAtOnce()
    {
        _holdLogins = true;
        using var client = Client("10.0.4.1");
        var underWay = LoginAsync(client, "right");
        await WaitUntilAsync(() => Volatile.Read(ref _loginsWaiting) == 1);

        var second = LoginAsync(client, "right");
        var third = LoginAsync(client, "right");
        var refused = await Task.WhenAny(second, third);

        using (var answer = await refused)
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, answer.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(1), answer.Headers.RetryAfter?.Delta);
            using var problem = JsonDocument.Parse(await answer.Content.ReadAsStringAsync());
            Assert.StartsWith("too many logins under way", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        _release.SetResult();
        using var waited = await (refused == second ? third : second);
        using var first = await underWay;
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, waited.StatusCode));
        Assert.Equal(2, _node.Requests);
    }

    [Fact]
    public async Task Login_WaitingWhileTheLastFailureIsSpent_IsRefusedWhenItsTurnComes()
    {
        using var client = Client("10.0.5.1");
        (await LoginAsync(client, "wrong")).Dispose();
        _holdLogins = true;
        var lastFailure = LoginAsync(client, "wrong");
        await WaitUntilAsync(() => Volatile.Read(ref _loginsWaiting) == 1);
        var waiting = LoginAsync(client, "right");
        // Time to reach the queue. Were it still on its way, the gate would refuse it all the same: the outcome holds
        // either way, the pause only makes it the queued case that is tested.
        await Task.Delay(TimeSpan.FromMilliseconds(200));

        _release.SetResult();

        using var failed = await lastFailure;
        using var refused = await waiting;
        Assert.Equal(HttpStatusCode.Unauthorized, failed.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(2, _node.Requests);
    }

    [Fact]
    public async Task Login_BurstAllAtOnce_NoMoreReachTheNodeThanFailuresAreLeft()
    {
        // Five may be under way at once, but only two may still fail: the other three are refused before any fails.
        using var wide = Gateway(permitLimit: 5, queueLimit: 0);
        Route(wide);
        _holdLogins = true;
        using var client = wide.CreateClient();
        client.DefaultRequestHeaders.Add(GatewayHost.ClientAddressHeader, "10.0.7.1");

        var logins = Enumerable.Range(0, 5).Select(_ => LoginAsync(client, "wrong")).ToList();
        await WaitUntilAsync(() => logins.Count(l => l.IsCompleted) == 3 && Volatile.Read(ref _loginsWaiting) == 2);

        Assert.All(logins.Where(l => l.IsCompleted), l => Assert.Equal(HttpStatusCode.TooManyRequests, l.Result.StatusCode));
        _release.SetResult();
        var answers = await Task.WhenAll(logins);
        Assert.Equal(2, answers.Count(a => a.StatusCode == HttpStatusCode.Unauthorized));
        Assert.Equal(2, _node.Requests);
        foreach (var answer in answers)
        {
            answer.Dispose();
        }
    }

    [Fact]
    public async Task Login_Refused_ShowsInTheTrafficLogWithNoNode()
    {
        var log = _gateway.Services.GetRequiredService<TrafficLog>();
        using var client = Client("10.0.6.1");
        (await LoginAsync(client, "wrong")).Dispose();
        (await LoginAsync(client, "wrong")).Dispose();
        var before = log.Read(0, 1).Last;

        (await LoginAsync(client, "wrong")).Dispose();

        var record = Assert.Single(log.Read(before, 10).Records);
        Assert.Equal(("p", "POST", "/p/api/login", null, 429), (record.Strategy, record.Method, record.Path, record.Node, record.Status));
    }

    public async Task DisposeAsync() => await _node.DisposeAsync();

    public void Dispose()
    {
        _release.TrySetResult();
        _gateway.Dispose();
    }

    private static GatewayHost Gateway(int permitLimit, int queueLimit) => new(
        context => context.Request.Host.Port ?? GatewayHost.PublicPort,
        new Dictionary<string, string?>
        {
            ["Gateway:LoginRateLimit:TokenLimit"] = "2",
            ["Gateway:LoginRateLimit:TokensPerPeriod"] = "1",
            ["Gateway:LoginRateLimit:ReplenishmentPeriod"] = "01:00:00",
            ["Gateway:LoginRateLimit:PermitLimit"] = permitLimit.ToString(CultureInfo.InvariantCulture),
            ["Gateway:LoginRateLimit:QueueLimit"] = queueLimit.ToString(CultureInfo.InvariantCulture),
        });

    private void Route(GatewayHost gateway) =>
        gateway.Services.GetRequiredService<PoolRegistry>().SetPool("p", new PoolOptions { Destinations = { ["p-1"] = _node.Url } });

    private HttpClient Client(string address)
    {
        var client = _gateway.CreateClient();
        client.DefaultRequestHeaders.Add(GatewayHost.ClientAddressHeader, address);
        return client;
    }

    private static Task<HttpResponseMessage> LoginAsync(HttpClient client, string password) =>
        client.PostAsync(new Uri("/p/api/login", UriKind.Relative), Body(password));

    private static StringContent Body(string password) =>
        new($$"""{"username":"alice","password":"{{password}}"}""", Encoding.UTF8, "application/json");

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!condition())
        {
            await Task.Delay(10, timeout.Token);
        }
    }
}
