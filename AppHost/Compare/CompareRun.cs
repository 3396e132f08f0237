using Aspire.Hosting.ApplicationModel;
using ClusterSessions.AppHost.Cluster;
using ClusterSessions.AppHost.Lab;
using Microsoft.Extensions.Hosting;

namespace ClusterSessions.AppHost.Compare;

/// <summary>
/// <c>compare</c> on the command line: waits until the cluster of its own is healthy, runs every scenario, writes the
/// report, then stops the AppHost with the run's exit code and deletes the run folder.
/// </summary>
internal sealed class CompareRun(
    CompareOptions options,
    ClusterModel model,
    ClusterControl cluster,
    ResourceNotificationService notifications,
    IHostApplicationLifetime lifetime) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.WhenAll(model.RequiredResources.Select(name => notifications.WaitForResourceHealthyAsync(name, stoppingToken))).ConfigureAwait(false);
            Environment.ExitCode = await CompareCommand.RunAsync(cluster, options, stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            Environment.ExitCode = 130;
        }
        catch (Exception exception) when (exception is InvalidOperationException or HttpRequestException or IOException)
        {
            await Console.Error.WriteLineAsync($"error: compare failed: {exception.Message}").ConfigureAwait(false);
            Environment.ExitCode = 1;
        }
        finally
        {
            lifetime.StopApplication();
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        lifetime.ApplicationStopped.Register(DeleteRunDirectory);
    }

    private void DeleteRunDirectory()
    {
        if (options.RunDirectory is { } directory && Directory.Exists(directory))
        {
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (IOException)
            {
                // A server still closing its AOF: the folder is in the temp directory, which the OS cleans.
            }
        }
    }
}
