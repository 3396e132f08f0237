namespace ClusterSessions.WebNode.Api;

/// <summary>
/// RFC 7807 problem answers that also carry a short <c>error</c> member, the contract's machine-readable reason.
/// </summary>
internal static class ApiProblems
{
    public static IResult BadRequest(string error) => Problem(StatusCodes.Status400BadRequest, error);

    public static IResult Unauthorized(string? detail = null) =>
        Problem(StatusCodes.Status401Unauthorized, "not logged in", detail);

    public static IResult InvalidCredentials() => Problem(StatusCodes.Status401Unauthorized, "invalid user name or password");

    public static IResult PayloadTooLarge(string error) => Problem(StatusCodes.Status413PayloadTooLarge, error);

    public static IResult Problem(int status, string error, string? detail = null) =>
        TypedResults.Problem(
            detail: detail,
            statusCode: status,
            extensions: new Dictionary<string, object?> { ["error"] = error });
}
