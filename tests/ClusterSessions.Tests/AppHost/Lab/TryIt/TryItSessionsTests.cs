using Microsoft.Extensions.Time.Testing;
using ClusterSessions.AppHost.Lab.TryIt;
using Microsoft.AspNetCore.Http;

namespace ClusterSessions.Tests.AppHost.Lab.TryIt;

public sealed class TryItSessionsTests
{
    private readonly FakeTimeProvider _clock = TestClock.Create();

    [Fact]
    public void For_NoCookie_CreatesAVisitAndSetsItsCookie()
    {
        using var sessions = new TryItSessions(_clock);
        var context = new DefaultHttpContext();

        var session = sessions.For(context);

        Assert.Matches("^[0-9a-f]{32}$", session.Id);
        Assert.StartsWith($"{TryItSessions.CookieName}={session.Id}", context.Response.Headers.SetCookie.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void For_KnownCookie_ReturnsTheSameVisit()
    {
        using var sessions = new TryItSessions(_clock);
        var first = sessions.For(new DefaultHttpContext());

        var again = sessions.For(WithCookie(first.Id));

        Assert.Same(first, again);
        Assert.Equal(1, sessions.Count);
    }

    [Fact]
    public void For_UnknownCookie_StartsANewVisit()
    {
        using var sessions = new TryItSessions(_clock);

        var session = sessions.For(WithCookie("forged"));

        Assert.NotEqual("forged", session.Id);
    }

    [Fact]
    public void For_VisitIdleTooLong_IsForgotten()
    {
        using var sessions = new TryItSessions(_clock);
        var old = sessions.For(new DefaultHttpContext());
        _clock.Advance(TryItSessions.IdleTimeout + TimeSpan.FromSeconds(1));

        sessions.For(new DefaultHttpContext());
        var again = sessions.For(WithCookie(old.Id));

        Assert.NotSame(old, again);
    }

    [Fact]
    public void For_TooManyVisits_ForgetsTheLeastRecentlyUsed()
    {
        using var sessions = new TryItSessions(_clock);
        var oldest = sessions.For(new DefaultHttpContext());
        for (var i = 1; i < TryItSessions.MaxSessions; i++)
        {
            _clock.Advance(TimeSpan.FromSeconds(1));
            sessions.For(new DefaultHttpContext());
        }

        sessions.For(new DefaultHttpContext());

        Assert.Equal(TryItSessions.MaxSessions, sessions.Count);
        Assert.NotSame(oldest, sessions.For(WithCookie(oldest.Id)));
    }

    [Fact]
    public void Reset_Strategy_ForgetsItsCookiesAndStepsOnly()
    {
        using var session = new TryItSession("id", TestClock.Start);
        session.Cookies.Add(new Uri("http://127.0.0.1:8080/local/"), new System.Net.Cookie("s", "1", "/local"));
        session.Cookies.Add(new Uri("http://127.0.0.1:8080/sticky/"), new System.Net.Cookie("s", "2", "/sticky"));
        session.State("local").Steps = 3;

        session.Reset("local", new Uri("http://127.0.0.1:8080/local/"));

        Assert.Empty(session.Cookies.GetCookies(new Uri("http://127.0.0.1:8080/local/")));
        Assert.Single(session.Cookies.GetCookies(new Uri("http://127.0.0.1:8080/sticky/")));
        Assert.Equal(0, session.State("local").Steps);
    }

    [Theory]
    [InlineData("login", nameof(TryItAction.Login))]
    [InlineData("add-to-cart", nameof(TryItAction.AddToCart))]
    [InlineData("me", nameof(TryItAction.Me))]
    [InlineData("cart", nameof(TryItAction.Cart))]
    [InlineData("logout", nameof(TryItAction.Logout))]
    [InlineData("logout-all", nameof(TryItAction.LogoutAll))]
    public void Actions_EveryName_RoundTrips(string name, string member)
    {
        var action = Enum.Parse<TryItAction>(member);
        Assert.True(TryItActions.TryParse(name, out var parsed));
        Assert.Equal(action, parsed);
        Assert.Equal(name, TryItActions.Name(action));
    }

    [Theory]
    [InlineData("Login")]
    [InlineData("0")]
    [InlineData("")]
    public void Actions_OtherNames_AreRefused(string name) => Assert.False(TryItActions.TryParse(name, out _));

    private static DefaultHttpContext WithCookie(string id)
    {
        var context = new DefaultHttpContext();
        context.Request.Headers.Cookie = $"{TryItSessions.CookieName}={id}";
        return context;
    }
}
