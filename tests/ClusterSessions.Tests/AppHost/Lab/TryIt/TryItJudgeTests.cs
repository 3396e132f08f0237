using System.Text.Json;
using ClusterSessions.AppHost.Lab.TryIt;

namespace ClusterSessions.Tests.AppHost.Lab.TryIt;

public sealed class TryItJudgeTests
{
    [Fact]
    public void Judge_LoginOk_ExpectsThatUserFromNowOn()
    {
        var state = new TryItState();

        var verdict = TryItJudge.Judge(TryItAction.Login, state, 200, Json("""{"user":"alice","node":"local-1"}"""));

        Assert.Equal(TryItOutcomes.Ok, verdict.Outcome);
        Assert.Equal("alice", verdict.User);
        Assert.Equal("alice", state.ExpectedUser);
    }

    [Fact]
    public void Judge_LoginRefused_IsAnErrorAndExpectsNobody()
    {
        var state = new TryItState();

        var verdict = TryItJudge.Judge(TryItAction.Login, state, 401, Json("""{"error":"invalid user name or password"}"""));

        Assert.Equal(TryItOutcomes.Error, verdict.Outcome);
        Assert.Contains("invalid user name or password", verdict.Detail, StringComparison.Ordinal);
        Assert.Null(state.ExpectedUser);
    }

    [Fact]
    public void Judge_MeAsTheLoggedInUser_Held() =>
        Assert.Equal(TryItOutcomes.Held, TryItJudge.Judge(TryItAction.Me, LoggedIn("alice"), 200, Json("""{"user":"alice"}""")).Outcome);

    [Fact]
    public void Judge_Me401WhileLoggedIn_LostWithTheNodesReason()
    {
        var verdict = TryItJudge.Judge(TryItAction.Me, LoggedIn("alice"), 401, Json("""{"error":"not logged in","detail":"the session cookie cannot be read on this node"}"""));

        Assert.Equal(TryItOutcomes.Lost, verdict.Outcome);
        Assert.Contains("cannot be read on this node", verdict.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Judge_MeAsSomeoneElse_Lost() =>
        Assert.Equal(TryItOutcomes.Lost, TryItJudge.Judge(TryItAction.Me, LoggedIn("alice"), 200, Json("""{"user":"bob"}""")).Outcome);

    [Fact]
    public void Judge_Me401WhileLoggedOut_Expected() =>
        Assert.Equal(TryItOutcomes.Expected, TryItJudge.Judge(TryItAction.Me, new TryItState(), 401, null).Outcome);

    [Fact]
    public void Judge_Me200AfterLogout_Unexpected()
    {
        var verdict = TryItJudge.Judge(TryItAction.Me, new TryItState(), 200, Json("""{"user":"alice"}"""));

        Assert.Equal(TryItOutcomes.Unexpected, verdict.Outcome);
        Assert.Contains("still accepted as alice", verdict.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Judge_AddToCartGrowingByOne_HeldAndRemembersTheCount()
    {
        var state = LoggedIn("alice");

        var first = TryItJudge.Judge(TryItAction.AddToCart, state, 200, Cart(1), added: 1);
        var second = TryItJudge.Judge(TryItAction.AddToCart, state, 200, Cart(2), added: 1);

        Assert.Equal(TryItOutcomes.Held, first.Outcome);
        Assert.Equal(TryItOutcomes.Held, second.Outcome);
        Assert.Equal(2, second.CartItems);
        Assert.Equal("cart holds 2 items", second.Detail);
        Assert.Equal(2, state.ExpectedCartItems);
    }

    [Fact]
    public void Judge_CartSmallerThanExpected_LostAndFollowsTheNewCount()
    {
        var state = LoggedIn("alice");
        state.ExpectedCartItems = 3;

        var verdict = TryItJudge.Judge(TryItAction.AddToCart, state, 200, Cart(1), added: 1);

        Assert.Equal(TryItOutcomes.Lost, verdict.Outcome);
        Assert.Equal("cart lost: 1 item, expected 4", verdict.Detail);
        Assert.Equal(1, state.ExpectedCartItems);
    }

    [Fact]
    public void Judge_Cart401WhileLoggedIn_Lost() =>
        Assert.Equal(TryItOutcomes.Lost, TryItJudge.Judge(TryItAction.Cart, LoggedIn("bob"), 401, null).Outcome);

    [Fact]
    public void Judge_CartServedAfterLogout_Unexpected() =>
        Assert.Equal(TryItOutcomes.Unexpected, TryItJudge.Judge(TryItAction.Cart, new TryItState(), 200, Cart(2)).Outcome);

    [Theory]
    [InlineData(204, null)]
    [InlineData(200, """{"revoked":false,"note":"the token stays valid"}""")]
    public void Judge_Logout_OkAndExpectsNobody(int status, string? body)
    {
        var state = LoggedIn("alice");

        var verdict = TryItJudge.Judge(TryItAction.Logout, state, status, body is null ? null : Json(body));

        Assert.Equal(TryItOutcomes.Ok, verdict.Outcome);
        Assert.Null(state.ExpectedUser);
        if (body is not null)
        {
            Assert.Contains("the token stays valid", verdict.Detail, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Judge_LogoutAll_OkWithScopeAndNote()
    {
        var state = LoggedIn("carol");

        var verdict = TryItJudge.Judge(TryItAction.LogoutAll, state, 200, Json("""{"ended":1,"scope":"node","note":"only this node"}"""));

        Assert.Equal(TryItOutcomes.Ok, verdict.Outcome);
        Assert.Equal("1 session ended (node): only this node", verdict.Detail);
        Assert.Null(state.ExpectedUser);
    }

    [Fact]
    public void Judge_LogoutAll401WhileLoggedIn_LostAndExpectsNobody()
    {
        var state = LoggedIn("carol");

        var verdict = TryItJudge.Judge(TryItAction.LogoutAll, state, 401, null);

        Assert.Equal(TryItOutcomes.Lost, verdict.Outcome);
        Assert.Null(state.ExpectedUser);
    }

    [Theory]
    [InlineData(503, """{"error":"session store unavailable"}""", "503: session store unavailable")]
    [InlineData(502, null, "502: no reason given")]
    [InlineData(400, """{"error":"sku must be 1-32 characters"}""", "400: sku must be 1-32 characters")]
    public void Judge_ServerOrRequestError_ErrorAndStateUnchanged(int status, string? body, string detail)
    {
        var state = LoggedIn("alice");

        var verdict = TryItJudge.Judge(TryItAction.Me, state, status, body is null ? null : Json(body));

        Assert.Equal(TryItOutcomes.Error, verdict.Outcome);
        Assert.Equal(detail, verdict.Detail);
        Assert.Equal("alice", state.ExpectedUser);
    }

    [Fact]
    public void Unreachable_AnyReason_IsAnErrorSayingNoAnswer() =>
        Assert.Equal(new TryItVerdict(TryItOutcomes.Error, "no answer: Connection refused"), TryItJudge.Unreachable("Connection refused"));

    private static TryItState LoggedIn(string user) => new() { ExpectedUser = user };

    private static JsonElement Cart(int quantity) => Json($$"""{"items":[{"sku":"coffee","quantity":{{quantity}}}]}""");

    private static JsonElement Json(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
