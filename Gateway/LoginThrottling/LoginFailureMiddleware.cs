namespace ClusterSessions.Gateway.LoginThrottling;

/// <summary>
/// Counts a login a node answered 401 against the client's address. In the proxy pipeline, so it sees the node's
/// answer; it runs before the rate limiting middleware lets go of the login, so a failure is always counted, either
/// in flight or as spent.
/// </summary>
internal sealed class LoginFailureMiddleware(RequestDelegate next, LoginFailures failures)
{
    public Task InvokeAsync(HttpContext context) =>
        // Every proxied request passes here, but only a login route's answer is counted: the rest go straight on,
        // without an async state machine (and its allocation) of their own.
        context.GetReverseProxyFeature().Route.Config.RateLimiterPolicy == LoginRateLimiterPolicy.Name
            ? CountFailureAsync(context)
            : next(context);

    private async Task CountFailureAsync(HttpContext context)
    {
        await next(context).ConfigureAwait(false);

        if (context.Response.StatusCode == StatusCodes.Status401Unauthorized)
        {
            failures.Record(LoginRateLimiterPolicy.ClientOf(context));
        }
    }
}
