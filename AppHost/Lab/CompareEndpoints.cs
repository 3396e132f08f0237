using System.Runtime.CompilerServices;
using System.Threading.Channels;
using ClusterSessions.AppHost.Compare;
using ClusterSessions.AppHost.Lab.Events;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;

namespace ClusterSessions.AppHost.Lab;

/// <summary>
/// <c>POST /api/compare</c> (202, or 409 while a run is in progress), <c>GET /api/compare</c> (state, progress,
/// last report) and <c>GET /api/compare/events</c> (the same as server-sent events).
/// </summary>
internal static class CompareEndpoints
{
    public static IEndpointRouteBuilder MapCompareEndpoints(this IEndpointRouteBuilder endpoints, ClusterControl cluster)
    {
        var service = new CompareService(cluster, Path.GetFullPath(cluster.Options.RunDirectory), NullLogger.Instance);
        endpoints.MapGet("/api/compare", () => service.State);
        endpoints.MapPost("/api/compare", (CompareRequest? request, IHostApplicationLifetime lifetime) =>
        {
            var defaults = new CompareOptions();
            if (request?.Scenario is { } scenario && !CompareRunner.ScenarioNames.Contains(scenario))
            {
                return LabProblems.Problem(StatusCodes.Status400BadRequest, "unknown scenario", $"'{scenario}' is not one of {string.Join(", ", CompareRunner.ScenarioNames)}");
            }

            if (request?.Users is < 1 or > 20 || request?.Requests is < 10 or > 1000)
            {
                return LabProblems.Problem(StatusCodes.Status400BadRequest, "bad options", "users must be 1-20 and requests 10-1000");
            }

            var options = defaults with
            {
                Scenarios = request?.Scenario is { } one ? [one] : null,
                Users = request?.Users ?? defaults.Users,
                Requests = request?.Requests ?? defaults.Requests,
            };
            return service.TryStart(options, lifetime.ApplicationStopping)
                ? Results.Accepted("/api/compare", service.State)
                : LabProblems.Problem(StatusCodes.Status409Conflict, "compare already running", service.State.Message);
        });
        // Ends when the browser leaves or the lab stops, so an open page never delays shutdown.
        endpoints.MapGet("/api/compare/events", (HttpContext context) =>
            TypedResults.ServerSentEvents(EventStreams.UntilClosed(context, token => Stream(service, token)), eventType: "compare"));
        return endpoints;
    }

    private static async IAsyncEnumerable<CompareRunState> Stream(CompareService service, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var changes = Channel.CreateBounded<CompareRunState>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest });
        void OnChanged(CompareRunState state) => changes.Writer.TryWrite(state);
        service.Changed += OnChanged;
        try
        {
            yield return service.State;
            while (await changes.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                while (changes.Reader.TryRead(out var state))
                {
                    yield return state;
                }
            }
        }
        finally
        {
            service.Changed -= OnChanged;
        }
    }
}
