using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using ClusterSessions.AppHost.Cluster;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace ClusterSessions.Tests.AppHost;

/// <summary>
/// The AppHost's Program.cs run by Aspire.Hosting.Testing and built into a <see cref="DistributedApplication"/> with
/// nothing started: the application model as the topology describes it, on free ports and in a temporary run folder.
/// </summary>
/// <remarks>
/// Aspire.Hosting.Testing lets the entry point go on from <c>builder.Build()</c> to <c>.Run()</c> as soon as
/// <c>BuildAsync()</c> is called, and <c>Run()</c> starts DCP and every process. So the hosted services (DCP's
/// orchestrator, the lab, the READY line, the snapshots) are removed from the builder first: <c>Run()</c> then starts
/// a host with nothing in it, and disposing the application stops it.
/// </remarks>
public sealed class AppHostModel : IAsyncLifetime
{
    private readonly string[] _args;
    private readonly string _runDirectory = Directory.CreateTempSubdirectory("cluster-sessions-apphost-").FullName;
    private DistributedApplication? _app;

    /// <summary>The default topology (appsettings.json): four pools of three nodes and two spares, Redis, the gateway.</summary>
    public AppHostModel()
        : this([])
    {
    }

    private AppHostModel(string[] args) => _args = args;

    public string RunDirectory => _runDirectory;

    internal DistributedApplication App => _app ?? throw new InvalidOperationException("not built yet");

    internal ClusterModel Cluster => App.Services.GetRequiredService<ClusterModel>();

    internal IReadOnlyList<ExecutableResource> Executables =>
        [.. App.Services.GetRequiredService<DistributedApplicationModel>().Resources.OfType<ExecutableResource>()];

    /// <summary>The topology <paramref name="args"/> describe (on top of free ports and a temporary run folder).</summary>
    internal static async Task<AppHostModel> CreateAsync(params string[] args)
    {
        var model = new AppHostModel(args);
        await model.InitializeAsync();
        return model;
    }

    public async Task InitializeAsync()
    {
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.ClusterSessions_AppHost>(
        [
            "--Cluster:GatewayPort=0",
            "--Cluster:DashboardPort=0",
            "--Cluster:LabPort=0",
            $"--Cluster:RunDirectory={_runDirectory}",
            .. _args,
        ]);
        builder.Services.RemoveAll<IHostedService>();
        _app = await builder.BuildAsync();
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        Directory.Delete(_runDirectory, recursive: true);
    }

    internal ExecutableResource Resource(string name) => Executables.Single(r => r.Name == name);

    /// <summary>
    /// What the resource's environment callbacks set, as they would for a start now, before any value is resolved:
    /// a string, a <see cref="ConnectionStringReference"/>, a <see cref="ParameterResource"/>…
    /// </summary>
    internal async Task<IReadOnlyDictionary<string, object>> EnvironmentAsync(string name)
    {
        var resource = Resource(name);
        var context = new EnvironmentCallbackContext(App.Services.GetRequiredService<DistributedApplicationExecutionContext>(), resource, new Dictionary<string, object>(StringComparer.Ordinal), CancellationToken.None);
        foreach (var callback in resource.Annotations.OfType<EnvironmentCallbackAnnotation>())
        {
            await callback.Callback(context);
        }

        return context.EnvironmentVariables;
    }

    /// <summary>The resource's command-line arguments, as its argument callbacks give them.</summary>
    internal async Task<IReadOnlyList<object>> ArgumentsAsync(string name)
    {
        var resource = Resource(name);
        var context = new CommandLineArgsCallbackContext([], resource, CancellationToken.None);
        foreach (var callback in resource.Annotations.OfType<CommandLineArgsCallbackAnnotation>())
        {
            await callback.Callback(context);
        }

        return [.. context.Args];
    }

    /// <summary>The names of the resources <paramref name="name"/> waits for before it starts.</summary>
    internal IReadOnlyList<string> WaitsFor(string name) =>
        [.. Resource(name).Annotations.OfType<WaitAnnotation>().Select(w => w.Resource.Name)];
}
