using Microsoft.AspNetCore.Http;

namespace ClusterSessions.AppHost.Lab;

/// <summary>RFC 7807 answers with a short <c>error</c> member, like the nodes' (the page shows <c>detail</c> to the user).</summary>
internal static class LabProblems
{
    public static IResult Problem(int status, string error, string detail) =>
        TypedResults.Problem(detail: detail, statusCode: status, extensions: new Dictionary<string, object?> { ["error"] = error });

    public static IResult UnknownResource(string name) =>
        Problem(StatusCodes.Status404NotFound, "unknown resource", $"no resource named '{name}'");

    /// <summary>A request the lab refuses to act on (no or a wrong control token, another origin's page).</summary>
    public static IResult Forbidden(string error, string detail) =>
        Problem(StatusCodes.Status403Forbidden, error, detail);

    public static IResult UnknownPool(string strategy) =>
        Problem(StatusCodes.Status404NotFound, "unknown pool", $"no pool named '{strategy}'");
}
