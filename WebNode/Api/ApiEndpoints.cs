using System.Security.Claims;
using ClusterSessions.WebNode.Sessions;
using ClusterSessions.WebNode.Users;

namespace ClusterSessions.WebNode.Api;

/// <summary>The HTTP contract of DESIGN.md, the same for every strategy; the strategy decides where state lives.</summary>
internal static class ApiEndpoints
{
    public static IEndpointRouteBuilder MapSessionApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api");
        api.MapPost("/login", LoginAsync);
        api.MapPost("/logout", LogoutAsync);
        api.MapPost("/logout-all", LogoutAllAsync).RequireAuthorization();
        api.MapGet("/me", Me).RequireAuthorization();
        api.MapGet("/cart", GetCartAsync).RequireAuthorization();
        api.MapPost("/cart/items", AddCartItemAsync).RequireAuthorization();
        api.MapGet("/visits", CountVisitAsync);
        api.MapGet("/node", (NodeInfo node) =>
            TypedResults.Ok(new NodeResponse(node.Id, node.Strategy, node.ProcessId, node.StartedAt)));
        return endpoints;
    }

    private static async Task<IResult> LoginAsync(
        HttpContext context, UserDirectory users, ISessionStrategy sessions, NodeInfo node)
    {
        var (request, problem) = await JsonBody.ReadAsync(context.Request, WebNodeJsonContext.Default.LoginRequest);
        if (problem is not null)
        {
            return problem;
        }

        if (request!.Validate() is { } error)
        {
            return ApiProblems.BadRequest(error);
        }

        if (users.Verify(request.Username, request.Password) is not { } user)
        {
            return ApiProblems.InvalidCredentials();
        }

        var outcome = await sessions.SignInAsync(context, user.Name);
        return TypedResults.Ok(new LoginResponse(user.Name, node.Id, outcome.Token));
    }

    private static async Task<IResult> LogoutAsync(HttpContext context, ISessionStrategy sessions)
    {
        var outcome = await sessions.SignOutAsync(context);
        return outcome.Note is null
            ? TypedResults.NoContent()
            : TypedResults.Ok(new LogoutResponse(outcome.Revoked, outcome.Note));
    }

    private static async Task<IResult> LogoutAllAsync(HttpContext context, ClaimsPrincipal user, ISessionStrategy sessions)
    {
        var outcome = await sessions.SignOutEverywhereAsync(context, user);
        return TypedResults.Ok(new LogoutAllResponse(outcome.Ended, outcome.Scope, outcome.Note));
    }

    private static IResult Me(ClaimsPrincipal user, NodeInfo node) =>
        TypedResults.Ok(new MeResponse(user.Identity!.Name!, node.Id, node.Strategy));

    private static async Task<IResult> GetCartAsync(HttpContext context, ClaimsPrincipal user, ISessionStrategy sessions)
    {
        var cart = await sessions.GetCartAsync(context, user);
        return TypedResults.Ok(new CartResponse(cart.Items));
    }

    private static async Task<IResult> AddCartItemAsync(HttpContext context, ClaimsPrincipal user, ISessionStrategy sessions)
    {
        var (request, problem) = await JsonBody.ReadAsync(context.Request, WebNodeJsonContext.Default.AddCartItemRequest);
        if (problem is not null)
        {
            return problem;
        }

        if (request!.Validate() is { } error)
        {
            return ApiProblems.BadRequest(error);
        }

        var change = await sessions.AddToCartAsync(context, user, request.ToCartItem());
        return change.Cart is { } cart
            ? TypedResults.Ok(new CartResponse(cart.Items, change.Token))
            : ApiProblems.Problem(change.Status, change.Error!);
    }

    private static async Task<IResult> CountVisitAsync(HttpContext context, ISessionStrategy sessions) =>
        TypedResults.Ok(new VisitsResponse(await sessions.CountVisitAsync(context)));
}
